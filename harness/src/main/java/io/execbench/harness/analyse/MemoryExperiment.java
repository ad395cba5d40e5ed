package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.MemoryReadings;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.RunInfo;
import io.execbench.harness.stats.CostFit;
import io.execbench.harness.stats.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Memory per unit of concurrency: per unit kind (platform thread, virtual thread, JVM), memory = fixed + perUnit x
 * count fitted to every fork's steps together, for RSS and for PSS, with 95% intervals ({@link CostFit}: least squares
 * on relative residuals, since counts span decades); from the PSS slope, how many units fit in 1 GiB; and, from the
 * limits the sweep recorded and the threads and mappings each unit added, how many the machine allows and which limit
 * binds first.
 *
 * @param units one per unit kind with a sweep, in the order platform, virtual, jvm
 */
public record MemoryExperiment(List<Unit> units) {

    public static final long GIB = 1L << 30;

    public MemoryExperiment {
        units = List.copyOf(units);
    }

    /** memory = fixed + perUnit x count, in bytes, each with its 95% interval. */
    public record Fit(Estimate fixedBytes, Estimate perUnitBytes, int points) {

        /** From a fit made in MiB. */
        static Fit ofMebibytes(CostFit fit) {
            double mib = 1 << 20;
            return new Fit(times(fit.fixedNs(), mib), times(fit.perByteNs(), mib), fit.points());
        }

        private static Estimate times(Estimate e, double factor) {
            return new Estimate(e.value() * factor, e.low() * factor, e.high() * factor, e.confidence());
        }
    }

    /** One measured step of one fork, for the chart and the table. */
    public record Point(int fork, long count, long rssBytes, long pssBytes) {
    }

    /** How many units a limit lets this machine hold, and which limit that is. */
    public record Capacity(long units, String limit) {
    }

    /**
     * One unit kind.
     *
     * @param rss          the fit of resident memory, or null with fewer than two counts
     * @param pss          the fit of proportional memory, or null likewise
     * @param perForkRss   per fork, the RSS added per unit from its first step to each later one (what compare
     *                     resamples)
     * @param perForkPss   the same for PSS
     * @param fitsInOneGiB 1 GiB over the PSS slope, its interval from the slope's; null without a positive slope
     * @param capacities   how many units each known limit allows, fewest first; the first binds
     * @param stops        where a fork's sweep stopped short, one sentence each
     */
    public record Unit(String unit, List<Point> points, int forks, Fit rss, Fit pss, List<List<Double>> perForkRss,
                       List<List<Double>> perForkPss, Estimate fitsInOneGiB, List<Capacity> capacities,
                       List<String> stops) {

        public Unit {
            points = List.copyOf(points);
            perForkRss = perForkRss.stream().map(List::copyOf).toList();
            perForkPss = perForkPss.stream().map(List::copyOf).toList();
            capacities = List.copyOf(capacities);
            stops = List.copyOf(stops);
        }
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    public static MemoryExperiment of(List<MemoryReadings> sweeps) {
        List<Unit> units = new ArrayList<>();
        for (String unit : MemoryReadings.UNITS) {
            List<MemoryReadings> forks = sweeps.stream().filter(s -> s.unit().equals(unit) && !s.steps().isEmpty())
                    .toList();
            if (!forks.isEmpty()) {
                units.add(unit(unit, forks));
            }
        }
        return new MemoryExperiment(units);
    }

    private static Unit unit(String unit, List<MemoryReadings> forks) {
        List<Point> points = new ArrayList<>();
        List<CostFit.Sample> rss = new ArrayList<>();
        List<CostFit.Sample> pss = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            MemoryReadings fork = forks.get(f);
            for (MemoryReadings.Step step : fork.steps()) {
                points.add(new Point(f + 1, step.count(), step.rssBytes(), step.pssBytes()));
                if (step.rssBytes() > 0 && step.pssBytes() > 0) {
                    rss.add(new CostFit.Sample(step.count(), step.rssBytes()));
                    pss.add(new CostFit.Sample(step.count(), step.pssBytes()));
                }
            }
            if (fork.stoppedAt() != null) {
                stops.add("fork " + (f + 1) + " stopped at " + fork.stoppedAt().count() + ": "
                        + fork.stoppedAt().reason());
            }
        }
        Fit rssFit = fit(rss);
        Fit pssFit = fit(pss);
        Estimate fits = pssFit == null ? null : fitsIn(GIB, pssFit.perUnitBytes());
        List<Capacity> capacities = pssFit == null ? List.of() : capacities(unit, forks.getFirst(), pssFit);
        return new Unit(unit, points, forks.size(), rssFit, pssFit, chords(forks, MemoryReadings.Step::rssBytes),
                chords(forks, MemoryReadings.Step::pssBytes), fits, capacities, stops);
    }

    private static Fit fit(List<CostFit.Sample> samples) {
        if (samples.stream().mapToDouble(CostFit.Sample::bytes).distinct().count() < 2) {
            return null;
        }
        // In MiB: with bytes the relative weights (1 / bytes^2, about 1e-16) make the covariance look singular.
        return Fit.ofMebibytes(CostFit.fit(samples.stream()
                .map(s -> new CostFit.Sample(s.bytes(), s.timeNs() / (1 << 20))).toList()));
    }

    /** Whole units of {@code perUnit} bytes in {@code bytes}: the interval's ends swap (more per unit, fewer fit). */
    static Estimate fitsIn(long bytes, Estimate perUnit) {
        if (!(perUnit.value() > 0)) {
            return null;
        }
        double value = Math.floor(bytes / perUnit.value());
        if (!perUnit.hasInterval()) {
            return Estimate.withoutInterval(value, perUnit.confidence());
        }
        double low = perUnit.high() > 0 ? Math.floor(bytes / perUnit.high()) : Double.POSITIVE_INFINITY;
        double high = perUnit.low() > 0 ? Math.floor(bytes / perUnit.low()) : Double.POSITIVE_INFINITY;
        return new Estimate(value, low, high, perUnit.confidence());
    }

    /** Per fork, the memory added per unit from its first step to each later one. */
    private static List<List<Double>> chords(List<MemoryReadings> forks, ToLongFunction<MemoryReadings.Step> bytes) {
        List<List<Double>> perFork = new ArrayList<>();
        for (MemoryReadings fork : forks) {
            MemoryReadings.Step first = fork.steps().getFirst();
            List<Double> chords = new ArrayList<>();
            for (MemoryReadings.Step step : fork.steps().subList(1, fork.steps().size())) {
                chords.add((double) (bytes.applyAsLong(step) - bytes.applyAsLong(first)) / (step.count()
                        - first.count()));
            }
            if (!chords.isEmpty()) {
                perFork.add(chords);
            }
        }
        return perFork;
    }

    /**
     * How many units each limit allows: memory (the cgroup's limit, else all of the machine's memory, over the PSS
     * slope past the fixed part); threads-max, pids.max and RLIMIT_NPROC (the threads left over the threads each unit
     * adds, when a unit adds one or more); max_map_count (per process, so only where the units share one). The threads
     * and mappings per unit are the sweep's own, from its first step to its last.
     */
    static List<Capacity> capacities(String unit, MemoryReadings sweep, Fit pss) {
        MemoryReadings.Limits limits = sweep.limits();
        MemoryReadings.Step first = sweep.steps().getFirst();
        MemoryReadings.Step last = sweep.steps().getLast();
        double span = last.count() - first.count();
        double threadsPerUnit = span > 0 ? (last.threads() - first.threads()) / span : 0;
        double mappingsPerUnit = span > 0 ? (last.mappings() - first.mappings()) / span : 0;
        double fixedThreads = first.threads() - threadsPerUnit * first.count();
        double fixedMappings = first.mappings() - mappingsPerUnit * first.count();
        List<Capacity> capacities = new ArrayList<>();
        Long memory = limits.cgroupMemoryMaxBytes() != null ? limits.cgroupMemoryMaxBytes() : limits.memTotalBytes();
        if (memory != null && pss.perUnitBytes().value() > 0) {
            double fixed = Math.max(0, pss.fixedBytes().value());
            capacities.add(new Capacity(units((memory - fixed) / pss.perUnitBytes().value()),
                    limits.cgroupMemoryMaxBytes() != null ? "cgroup memory limit" : "memory (MemTotal)"));
        }
        if (threadsPerUnit >= 0.5) {
            addCount(capacities, "threads-max", limits.threadsMax(), limits.threadsInUse(), fixedThreads,
                    threadsPerUnit);
            addCount(capacities, "pids.max", limits.pidsMax(), limits.pidsCurrent(), fixedThreads, threadsPerUnit);
            addCount(capacities, "RLIMIT_NPROC", limits.processLimit(), limits.threadsInUse(), fixedThreads,
                    threadsPerUnit);
        }
        if (last.processes() == 1 && mappingsPerUnit >= 0.5 && limits.maxMapCount() != null) {
            capacities.add(new Capacity(units((limits.maxMapCount() - fixedMappings) / mappingsPerUnit),
                    "max_map_count"));
        }
        capacities.sort(Comparator.comparingLong(Capacity::units));
        return capacities;
    }

    /** The name of the tracked results: {@code io.execbench.process.Memory.perUnit}. */
    public static final String TRACKED_BENCHMARK = "io.execbench.process.Memory.perUnit";
    /** Their unit: bytes per unit of concurrency; not a time, so lower is better (JMH mode {@code ss}). */
    public static final String TRACKED_UNIT = "B/unit";

    /**
     * The per-unit memory as results of their own ({@value #TRACKED_BENCHMARK} with params {@code unit} and
     * {@code metric} = {@code rss} or {@code pss}), so that tracking, compare and A/B cover it like a score: the fit's
     * slope with its 95% interval as score and error, and per fork the chords from its first step to each later one
     * as the samples the comparison resamples; lower is better.
     *
     * @param firstIndex the index of the first (jmh.json's results come before)
     */
    public List<BenchmarkResult> trackedResults(int firstIndex,
                                                                        RunInfo.Jvm jvm) {
        List<BenchmarkResult> tracked = new ArrayList<>();
        for (Unit unit : units) {
            addTracked(tracked, firstIndex, jvm, unit, "rss", unit.rss(), unit.perForkRss());
            addTracked(tracked, firstIndex, jvm, unit, "pss", unit.pss(), unit.perForkPss());
        }
        return tracked;
    }

    private static void addTracked(List<BenchmarkResult> tracked, int firstIndex,
                                   RunInfo.Jvm jvm, Unit unit, String metric, Fit fit,
                                   List<List<Double>> perFork) {
        if (fit == null || perFork.isEmpty()) {
            return;
        }
        Estimate slope = fit.perUnitBytes();
        double error = slope.hasInterval() ? (slope.high() - slope.low()) / 2 : Double.NaN;
        Metric score = new Metric(slope.value(), error,
                new Metric.Interval(slope.low(), slope.high()), TRACKED_UNIT,
                Map.of(), perFork, List.of());
        tracked.add(new BenchmarkResult(firstIndex + tracked.size(), TRACKED_BENCHMARK,
                "ss", 1, unit.forks(), jvm.vmName(), jvm.flags(), jvm.version(), jvm.vmName(), jvm.vmVersion(),
                jvm.jmhVersion(), Map.of("unit", unit.unit(), "metric", metric), score, Map.of()));
    }

    private static void addCount(List<Capacity> capacities, String name, Long limit, Long inUse, double fixed,
                                 double perUnit) {
        if (limit != null) {
            capacities.add(new Capacity(units((limit - (inUse == null ? 0 : inUse) - fixed) / perUnit), name));
        }
    }

    private static long units(double value) {
        return Math.max(0, (long) Math.floor(value));
    }
}
