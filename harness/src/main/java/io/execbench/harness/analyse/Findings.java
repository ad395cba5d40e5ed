package io.execbench.harness.analyse;

import io.execbench.harness.stats.CostFit;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.Speedup;
import io.execbench.harness.stats.UslFit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sentences at the top of a report, computed from the analyses: each names its numbers with their intervals,
 * and says "within noise" where the intervals of the things compared overlap. A section with no data adds nothing.
 */
public final class Findings {

    private Findings() {
    }

    /** Every finding's full sentence, in section order: models, IPC, scaling, latency. */
    public static List<String> of(Experiments experiments) {
        return all(experiments).stream().map(Finding::detail).toList();
    }

    /** Every finding, in section order: models, IPC, scaling, latency. */
    public static List<Finding> all(Experiments experiments) {
        List<Finding> out = new ArrayList<>();
        experiments.models().sweeps().forEach(c -> models(c, out));
        ipc(experiments.ipc(), out);
        experiments.floor().summary().ifPresent(sentence -> out.add(new Finding(Question.IPC, 1,
                experiments.floor().headline(), sentence)));
        experiments.steady().summary().filter(sentence -> !experiments.steady().unsteady().isEmpty())
                .ifPresent(sentence -> out.add(new Finding(Question.IPC, 0, "Not steady: "
                        + experiments.steady().unsteady().size() + " benchmarks still warming at the cap", sentence)));
        scaling(experiments.scaling(), out);
        experiments.latency().forEach(g -> latency(g, out));
        return out;
    }

    /** The findings on {@code question} (null: those on none), most important first, then in section order. */
    public static List<Finding> on(Question question, List<Finding> findings) {
        return findings.stream().filter(f -> f.question() == question)
                .sorted(Comparator.comparingInt(Finding::rank)).toList();
    }

    private static void models(ModelExperiment.Sweep comparison, List<Finding> out) {
        String name = comparison.benchmark() + (comparison.fixed().isEmpty() ? "" : " (" + comparison.fixed() + ")");
        for (Long size : comparison.sizes()) {
            List<ModelExperiment.Cell> cells = comparison.cells().stream()
                    .filter(c -> Objects.equals(c.workUnits(), size))
                    .sorted(Comparator.comparingDouble((ModelExperiment.Cell c) -> c.callsPerSecond().value())
                            .reversed())
                    .toList();
            if (cells.size() < 2) {
                continue;
            }
            ModelExperiment.Cell best = cells.get(0);
            List<String> tied = cells.stream().skip(1)
                    .filter(c -> Estimates.overlap(c.callsPerSecond(), best.callsPerSecond()))
                    .map(ModelExperiment.Cell::model).toList();
            ModelExperiment.Cell next = cells.get(1);
            String where = size == null ? name : name + " at workUnits=" + size;
            String sentence = where + ": " + best.model() + " is fastest, "
                    + Text.estimate(best.callsPerSecond()) + " calls/s";
            if (tied.isEmpty()) {
                sentence += ", ahead of " + next.model() + " (" + Text.estimate(next.callsPerSecond())
                        + ") beyond noise";
            } else {
                sentence += "; " + String.join(", ", tied) + (tied.size() == 1 ? " is" : " are")
                        + " within noise of it (the 99.9% intervals overlap)";
            }
            Long largestSize = comparison.sizes().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
            out.add(new Finding(Question.MODELS, Objects.equals(size, largestSize) ? 1 : 3,
                    where + ": " + best.model() + " is fastest" + (tied.isEmpty() ? ", beyond noise"
                            : "; " + String.join(", ", tied) + " within noise") + ".", sentence + "."));
        }
        for (ModelExperiment.BreakEven breakEven : comparison.breakEvens()) {
            Long largest = comparison.sizes().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
            if (largest == null) {
                continue;
            }
            if (breakEven.workUnits().isPresent()) {
                long size = breakEven.workUnits().getAsLong();
                Estimate speedup = comparison.cell(breakEven.model(), size).speedup();
                out.add(new Finding(Question.MODELS, 0, name + ": " + breakEven.model() + " pays from workUnits="
                        + size + ".", name + ": " + breakEven.model() + " breaks even with inline at workUnits=" + size
                        + " (speedup " + Text.estimate(speedup) + ", 99.9%)"
                        + breakEven.lastLosingSize().stream().mapToObj(s -> "; at workUnits=" + s + " it did not")
                                .findFirst().orElse("; it beat inline at every size measured") + "."));
            } else {
                Estimate atLargest = Optional.ofNullable(comparison.cell(breakEven.model(), largest))
                        .map(ModelExperiment.Cell::speedup).orElse(null);
                out.add(new Finding(Question.MODELS, 2, name + ": " + breakEven.model()
                        + " never beats inline beyond noise.", name + ": " + breakEven.model()
                        + " does not beat inline beyond noise at any size measured (up to workUnits=" + largest
                        + (atLargest == null ? "" : ", where its speedup is " + Text.estimate(atLargest)) + ")."));
            }
        }
    }

    private static void ipc(IpcExperiment ipc, List<Finding> out) {
        for (IpcExperiment.Curve curve : ipc.curves()) {
            if (curve.fit().isEmpty()) {
                continue;
            }
            CostFit fit = curve.fit().get();
            String what = curve.kind() == IpcExperiment.Kind.ROUND_TRIP ? "round trip" : "message (streamed)";
            String crossover = Double.isFinite(fit.crossoverBytes()) && fit.crossoverBytes() > 0
                    ? "; bytes cost as much as the fixed part from about " + Text.bytes(fit.crossoverBytes())
                    : "";
            out.add(new Finding(Question.IPC, 1, curve.benchmark() + ", " + curve.transport() + ": "
                    + Text.time(fit.fixedNs().value()) + " fixed + " + Numbers.format(fit.perByteNs().value())
                    + " ns per byte" + (crossover.isEmpty() ? "" : ", bytes dominate from about "
                            + Text.bytes(fit.crossoverBytes())) + ".",
                    curve.benchmark() + (curve.fixed().isEmpty() ? "" : " (" + curve.fixed() + ")") + ", "
                    + curve.transport() + ": each " + what + " costs " + Text.time(fit.fixedNs()) + " fixed plus "
                    + Text.estimate(fit.perByteNs(), 1, " ns") + " per byte (95%, fit over " + fit.points()
                    + " payload sizes)" + crossover + "."));
        }
        cheapest(ipc, out);
    }

    /** Per round-trip benchmark: the cheapest transport at the smallest and at the largest payload. */
    private static void cheapest(IpcExperiment ipc, List<Finding> out) {
        List<IpcExperiment.Curve> trips = ipc.curves().stream()
                .filter(c -> c.kind() == IpcExperiment.Kind.ROUND_TRIP).toList();
        for (String key : trips.stream().map(c -> c.benchmark() + "|" + c.fixed()).distinct().toList()) {
            List<IpcExperiment.Curve> curves = trips.stream().filter(c -> key.equals(c.benchmark() + "|"
                    + c.fixed())).toList();
            if (curves.size() < 2) {
                continue;
            }
            long smallest = curves.stream().flatMap(c -> c.points().stream())
                    .mapToLong(IpcExperiment.Point::payloadBytes).min().orElse(0);
            long largest = curves.stream().flatMap(c -> c.points().stream())
                    .mapToLong(IpcExperiment.Point::payloadBytes).max().orElse(0);
            for (long bytes : smallest == largest ? new long[] {smallest} : new long[] {smallest, largest}) {
                record At(String transport, Estimate time) {
                }
                List<At> at = curves.stream().flatMap(c -> c.points().stream()
                        .filter(p -> p.payloadBytes() == bytes).map(p -> new At(c.transport(), p.timeNs())))
                        .sorted(Comparator.comparingDouble(a -> a.time().value())).toList();
                if (at.size() < 2) {
                    continue;
                }
                List<String> tied = at.stream().skip(1).filter(a -> Estimates.overlap(a.time(), at.get(0).time()))
                        .map(At::transport).toList();
                out.add(new Finding(Question.IPC, 0, curves.get(0).benchmark() + " at " + Text.bytes(bytes) + ": "
                        + at.get(0).transport() + " is cheapest" + (tied.isEmpty() ? ", beyond noise" : "; "
                                + String.join(", ", tied) + " within noise") + ".",
                        curves.get(0).benchmark() + " at " + Text.bytes(bytes) + ": " + at.get(0).transport()
                        + " is cheapest, " + Text.time(at.get(0).time()) + " per round trip"
                        + (tied.isEmpty() ? ", beyond noise ahead of " + at.get(1).transport() + " ("
                                + Text.time(at.get(1).time()) + ")"
                                : "; " + String.join(", ", tied) + " within noise of it") + "."));
            }
        }
    }

    private static void scaling(ScalingExperiment scaling, List<Finding> out) {
        for (ScalingExperiment.Sweep sweep : scaling.sweeps()) {
            Estimate effective = sweep.effectiveCores();
            int at = sweep.speedups().stream().filter(p -> p.speedup() == effective).mapToInt(Speedup.Point::threads)
                    .findFirst().orElse(0);
            String cpus = scaling.logicalCpus() == null ? "" : " of " + scaling.logicalCpus() + " logical CPUs";
            String sentence = sweep.benchmark() + " (" + sweep.otherParams() + "): effective cores "
                    + Text.estimate(effective) + cpus + " (99.9%), reached at " + at + " threads";
            Optional<Speedup.Point> atCpus = scaling.logicalCpus() == null ? Optional.empty()
                    : Speedup.at(sweep.speedups(), scaling.logicalCpus());
            if (atCpus.isPresent() && atCpus.get().threads() > 1) {
                sentence += "; efficiency at " + atCpus.get().threads() + " threads "
                        + Text.estimate(atCpus.get().efficiency());
            }
            if (sweep.usl().isPresent()) {
                UslFit fit = sweep.usl().get();
                sentence += "; USL" + (fit.cpus() == null ? "" : " (flat past " + Numbers.cpus(fit.cpus())
                        + " usable CPUs)") + ": contention σ = " + Text.estimate(fit.sigma()) + (fit.kappaIdentified()
                        ? ", coherency κ = " + Text.estimate(fit.kappa()) + " (95%)"
                        : " (95%), coherency κ not identifiable with one thread count above 1 within the CPUs (fixed"
                                + " at 0)")
                        + (fit.peakThreads() == null ? "" : ", peak at " + Numbers.cpus(fit.peakThreads())
                                + " threads")
                        + ", worst residual " + Numbers.format(fit.worstResidualFraction() * 100) + "%";
            }
            out.add(new Finding(Question.CORES, 0, sweep.benchmark() + " (" + sweep.otherParams() + "): "
                    + Numbers.format(effective.value()) + " effective cores" + cpus + ".", sentence + "."));
        }
        for (ScalingExperiment.YieldRow row : scaling.yields()) {
            if (row.yield().isPresent()) {
                HyperthreadYield yield = row.yield().get();
                out.add(new Finding(Question.CORES, 1, "Hyperthread yield, " + row.kernel() + ": a sibling is worth "
                        + Text.percent(yield.fractionOfACore()) + " of a core.",
                        "Hyperthread yield, " + row.kernel() + ": two threads on SMT siblings gain "
                        + Text.estimate(yield.siblingsGain()) + " of one thread, two on separate cores "
                        + Text.estimate(yield.coresGain()) + "; a sibling is worth "
                        + Text.percent(yield.fractionOfACore()) + " of a core."));
            } else {
                out.add(new Finding(Question.CORES, 1, "Hyperthread yield, " + row.kernel()
                        + ": cannot be measured by this run.", "Hyperthread yield, " + row.kernel()
                        + ": cannot be measured by this run: " + row.reason() + "."));
            }
        }
    }

    private static void latency(LatencyGroup group, List<Finding> out) {
        if (group.series().size() < 2) {
            return;
        }
        LatencyGroup.Series fastest = group.series().stream()
                .min(Comparator.comparingLong(s -> s.merged().getValueAtPercentile(50))).orElseThrow();
        LatencyGroup.Series tail = group.series().stream()
                .max(Comparator.comparingLong(s -> s.merged().getValueAtPercentile(99))).orElseThrow();
        LatencySummary f = LatencySummary.of(fastest.merged());
        LatencySummary t = LatencySummary.of(tail.merged());
        out.add(new Finding(null, 0, group.title() + ": lowest median " + fastest.label() + ", highest p99 "
                + tail.label() + ".", group.title() + " (" + group.source() + "): lowest median " + fastest.label() + " "
                + Text.time(f.p50Ns()) + forkRange(fastest, 50) + "; highest p99 " + tail.label() + " "
                + Text.time(t.p99Ns()) + forkRange(tail, 99) + " (" + Numbers.count(t.count()) + " samples)."));
    }

    /** The spread of a percentile across forks, the uncertainty JMH's forks give a percentile. */
    private static String forkRange(LatencyGroup.Series series, double percentile) {
        if (series.forks().size() < 2) {
            return "";
        }
        long low = series.forks().stream().mapToLong(h -> h.getValueAtPercentile(percentile)).min().orElse(0);
        long high = series.forks().stream().mapToLong(h -> h.getValueAtPercentile(percentile)).max().orElse(0);
        return " (forks " + Text.time(low) + " to " + Text.time(high) + ")";
    }
}
