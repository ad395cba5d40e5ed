package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Speedup;
import io.execbench.harness.stats.ThroughputPoint;
import io.execbench.harness.stats.UslFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thread-scaling sweeps of a run, analysed: any throughput benchmark with a numeric {@code threads} parameter
 * and a threads=1 point is a sweep, one per combination of its other parameters (for ScalingBenchmark: kernel and
 * placement). The score is the secondary metric {@code workUnits} where there is one (ScalingBenchmark's header:
 * its primary counts batches, which grow with the thread count), else the primary.
 *
 * @param sweeps      one per benchmark and combination of the other parameters, in display order
 * @param yields      one per kernel that has an {@code os}/{@code spread} sweep: the hyperthread yield, or why not
 * @param logicalCpus the machine's logical CPUs, or null when unknown
 * @param usableCpus  the CPUs the run could use at once (allowed set, cgroup quota), or null when unknown: the USL
 *                    fit is capped there ({@link UslFit})
 */
public record ScalingExperiment(List<Sweep> sweeps, List<YieldRow> yields, Integer logicalCpus, Double usableCpus) {

    public static final String SCORE_METRIC = "workUnits";

    public ScalingExperiment {
        sweeps = List.copyOf(sweeps);
        yields = List.copyOf(yields);
    }

    /**
     * One sweep and what follows from it.
     *
     * @param benchmark   the benchmark's short name
     * @param kernel      the {@code kernel} parameter, or null
     * @param placement   the {@code placement} parameter, or null
     * @param otherParams every parameter but {@code threads}, as one label
     * @param unit        the throughput unit
     * @param points      throughput per thread count
     * @param speedups    S(n) with intervals
     * @param effectiveCores the highest speedup, with its interval
     * @param usl         the USL fit, empty when it could not be made ({@link #uslProblem} says why)
     */
    public record Sweep(String benchmark, String kernel, String placement, String otherParams, String unit,
                        List<ThroughputPoint> points, List<Speedup.Point> speedups, Estimate effectiveCores,
                        Optional<UslFit> usl, String uslProblem) {
    }

    /** A kernel's hyperthread yield, or the reason it cannot be measured. */
    public record YieldRow(String kernel, Optional<HyperthreadYield> yield, String reason) {
    }

    public boolean isEmpty() {
        return sweeps.isEmpty();
    }

    /** The sweeps of {@code results}; {@code planNotes} explain placements the run skipped. */
    public static ScalingExperiment of(List<BenchmarkResult> results, Integer logicalCpus, Double usableCpus,
                                       List<String> planNotes) {
        List<Sweep> sweeps = new ArrayList<>();
        for (ResultGroup group : ResultGrouping.group(results)) {
            if (!group.mode().equals("thrpt")) {
                continue;
            }
            Map<Map<String, String>, List<BenchmarkResult>> byRest = new LinkedHashMap<>();
            for (BenchmarkResult result : group.results()) {
                Long threads = Scores.positiveLong(result.params(), "threads");
                if (threads != null && threads >= 1 && score(result).score() > 0) {
                    byRest.computeIfAbsent(Scores.without(result.params(), "threads"), k -> new ArrayList<>())
                            .add(result);
                }
            }
            byRest.forEach((rest, members) -> sweep(group.shortName(), rest, members, usableCpus)
                    .ifPresent(sweeps::add));
        }
        return new ScalingExperiment(sweeps, yields(sweeps, planNotes), logicalCpus, usableCpus);
    }

    private static Optional<Sweep> sweep(String benchmark, Map<String, String> rest, List<BenchmarkResult> members,
                                         Double usableCpus) {
        List<ThroughputPoint> points = new ArrayList<>();
        for (BenchmarkResult result : members) {
            Metric metric = score(result);
            Long threads = Scores.positiveLong(result.params(), "threads");
            if (threads == null || threads < 1 || threads > Integer.MAX_VALUE) {
                continue; // not a thread count ("auto" under plain JMH, say): no point on the curve
            }
            points.add(new ThroughputPoint(threads.intValue(), metric.score(), metric.scoreError(),
                    Scores.iterations(metric)));
        }
        boolean hasOne = points.stream().anyMatch(p -> p.threads() == 1);
        boolean distinct = points.stream().map(ThroughputPoint::threads).distinct().count() == points.size();
        if (!hasOne || !distinct || points.size() < 2) {
            return Optional.empty();
        }
        List<Speedup.Point> speedups = Speedup.of(points);
        Optional<UslFit> usl = Optional.empty();
        String problem;
        if (speedups.stream().filter(p -> p.threads() > 1).count() < 2) {
            problem = "the USL needs speedups at two or more thread counts above 1";
        } else if (usableCpus != null && usableCpus <= 1) {
            problem = "the USL needs more than one usable CPU; this run had " + usableCpus;
        } else {
            try {
                usl = Optional.of(UslFit.fit(speedups, usableCpus));
                problem = null;
            } catch (RuntimeException e) { // the optimiser did not converge: say so instead of drawing a guess
                problem = "the USL fit did not converge (" + e.getClass().getSimpleName() + ")";
            }
        }
        return Optional.of(new Sweep(benchmark, rest.get("kernel"), rest.get("placement"), ParamLabel.of(rest),
                score(members.getFirst()).scoreUnit(), points, speedups, Speedup.effectiveCores(speedups), usl,
                problem));
    }

    private static Metric score(BenchmarkResult result) {
        Metric units = result.secondaryMetrics().get(SCORE_METRIC);
        return units != null ? units : result.primaryMetric();
    }

    private static List<YieldRow> yields(List<Sweep> sweeps, List<String> planNotes) {
        Map<String, List<Speedup.Point>> packed = new LinkedHashMap<>();
        Map<String, List<Speedup.Point>> spread = new LinkedHashMap<>();
        for (Sweep sweep : sweeps) {
            if (sweep.kernel() == null || sweep.placement() == null) {
                continue;
            }
            String key = sweep.benchmark() + " " + sweep.kernel();
            switch (sweep.placement()) {
                case "packed" -> packed.put(key, sweep.speedups());
                case "spread" -> spread.put(key, sweep.speedups());
                default -> spread.putIfAbsent(key, null); // the kernel is listed even without a pinned sweep
            }
        }
        String skipped = planNotes.stream().filter(n -> n.contains("packed")).findFirst()
                .orElse("this run has no packed sweep (two threads pinned to SMT siblings of one core)");
        List<YieldRow> rows = new ArrayList<>();
        spread.forEach((key, spreadPoints) -> {
            String kernel = key.substring(key.indexOf(' ') + 1);
            List<Speedup.Point> packedPoints = packed.get(key);
            if (spreadPoints == null) {
                rows.add(new YieldRow(kernel, Optional.empty(), "this run has no spread sweep (threads pinned one "
                        + "per core)"));
            } else if (packedPoints == null) {
                rows.add(new YieldRow(kernel, Optional.empty(), skipped));
            } else {
                Optional<HyperthreadYield> yield = HyperthreadYield.of(packedPoints, spreadPoints);
                rows.add(new YieldRow(kernel, yield, yield.isPresent() ? null
                        : "the packed or spread sweep has no threads=2 point"));
            }
        });
        return rows;
    }
}
