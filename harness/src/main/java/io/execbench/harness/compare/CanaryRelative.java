package io.execbench.harness.compare;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Samples;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a change of the code from a change of the machine, with the canaries the runner reads beside every
 * measurement iteration (fixed chains in ns/step, see {@code IterationCanary}): {@code canary.cpu}, a register-bound
 * integer chain, and {@code canary.fp}, a floating-point chain (multiply-add and divide).
 *
 * <p>On a shared host the speed of a core drifts by tens of percent within an hour: two runs of one build then
 * differ by more than any threshold worth having, and a canary read at the start and end of a run, minutes away from
 * most benchmarks, cannot follow it. Each iteration's score divided by the canary read around that same iteration
 * (a rate multiplied by it) is the score in "canary steps": it moves when the code does more or less work, not when
 * the core runs every step slower. Both runs' scores are compared as measured and relative to one canary, with the
 * same test and threshold, and {@link #guard} keeps a verdict only where the two agree:
 * <ul>
 *   <li>regressed or improved as measured, and the same relative to the canary: kept;</li>
 *   <li>regressed or improved as measured, but not relative to the canary: the machine moved with it, so
 *       {@code noisy};</li>
 *   <li>regressed or improved relative to the canary, and as measured the scores moved the same way significantly
 *       (rank test below alpha, the whole interval on that side of no change) but not beyond the measured
 *       threshold: kept. A calibrated floor as measured includes the host's own drift (30% and more on a shared
 *       machine), so requiring the measured verdict too would make a 10% step invisible; requiring the measured
 *       scores to move the same way keeps a canary that moved alone from raising an alarm;</li>
 *   <li>otherwise unchanged or noisy as measured but regressed or improved relative to the canary (the machine got
 *       faster as the code got slower, or the benchmark does not follow the core's speed): {@code noisy}, never a
 *       silent {@code unchanged};</li>
 *   <li>noisy as measured and unchanged relative to the canary: {@code unchanged}, the spread was the machine's.</li>
 * </ul>
 * The canary makes no verdict alone: a regression must be seen in the scores as measured too.
 *
 * <p>Which canary: the integer and FP units of a shared core do not slow down together, so an FP-bound score follows
 * the FP chain and not the integer one. Calibration ({@code calibrate}, A/A runs) learns a noise floor for the score
 * relative to each canary, per benchmark, and the comparison judges each benchmark against the canary its score
 * followed most closely there (the lowest floor); without calibration, {@code canary.cpu}. Letting the steadier of
 * measured and relative judge alone, with no look at the other, was tried and dropped: on this project's 2-vCPU
 * machine (2026-11-27), with floors learnt from three quick runs, it raised six false alarms over ten held-out A/A
 * pairs where requiring agreement raised one.
 */
public final class CanaryRelative {

    /** The per-iteration canaries, the default first. */
    public static final List<String> CANARIES = List.of("canary.cpu", "canary.fp");

    /** The name of the metric of the score relative to {@code canary}, in verdict.json and noise.json. */
    public static String metric(String canary) {
        return "score/" + canary;
    }

    /** Whether {@code metric} is a score relative to a canary. */
    public static boolean isRelative(String metric) {
        return metric.startsWith("score/canary");
    }

    private CanaryRelative() {
    }

    /** {@code scores} (the primary metric's samples of {@code result}) relative to its {@code canary}, if it has it. */
    public static Optional<Samples> samples(BenchmarkResult result, Samples scores, Direction direction,
                                            String canary) {
        Metric readings = result.secondaryMetrics().get(canary);
        if (readings == null || !"ns/step".equals(readings.scoreUnit())) {
            return Optional.empty();
        }
        return scores.relativeTo(readings, direction);
    }

    /**
     * The canary {@code key} is judged against, of those both runs read (in {@code before} and {@code after}): the one
     * with the lowest calibrated floor in {@code noise}, else the first of {@link #CANARIES}; empty when the runs
     * share none.
     */
    static Optional<String> choose(BenchmarkKey key, Map<String, Samples> before, Map<String, Samples> after,
                                   NoiseModel noise) {
        List<String> shared = CANARIES.stream().filter(c -> before.containsKey(c) && after.containsKey(c)).toList();
        return steadiest(shared, noise.floors().getOrDefault(key.fullLabel(), Map.of()))
                .or(() -> shared.stream().findFirst());
    }

    /**
     * Of {@code canaries}, the one the score followed most closely in calibration: the lowest floor of its relative
     * metric in {@code floors} (one benchmark's metric to floor); empty when none of them was calibrated.
     */
    public static Optional<String> steadiest(Collection<String> canaries, Map<String, Double> floors) {
        return canaries.stream().filter(c -> floors.containsKey(metric(c)))
                .min(Comparator.comparingDouble(c -> floors.get(metric(c))));
    }

    /** Per canary that {@code result} read beside every iteration, {@code scores} relative to it. */
    static Map<String, Samples> relative(BenchmarkResult result, Samples scores, Direction direction) {
        Map<String, Samples> relative = new LinkedHashMap<>();
        CANARIES.forEach(canary -> samples(result, scores, direction, canary).ifPresent(s -> relative.put(canary, s)));
        return relative;
    }

    /** {@code comparison}'s verdict checked against its score relative to the canary (the rules above). */
    static BenchmarkComparison guard(BenchmarkComparison comparison, double alpha) {
        return comparison.metrics().stream().filter(metric -> isRelative(metric.metric())).findFirst()
                .map(relative -> agreement(comparison, relative, alpha)).orElse(comparison);
    }

    /**
     * Whether the score as measured moved the way {@code verdict} says, significantly: the rank test below
     * {@code alpha} and its whole interval on that side of no change (by any amount: the machine's drift sets the
     * measured threshold, not the code).
     */
    static boolean measuredMovedTheSameWay(BenchmarkComparison comparison, Verdict verdict, double alpha) {
        MetricComparison score = comparison.metrics().getFirst();
        Direction direction = comparison.direction();
        double a = direction.worseness(score.ratio().low());
        double b = direction.worseness(score.ratio().high());
        boolean significant = score.pValue() < alpha;
        return score.ratio().known() && significant && (verdict == Verdict.REGRESSED
                ? Math.min(a, b) > 1 : Math.max(a, b) < 1);
    }

    private static BenchmarkComparison agreement(BenchmarkComparison comparison, MetricComparison relative,
                                                 double alpha) {
        Verdict measured = comparison.verdict();
        Verdict machine = relative.verdict();
        String canarySays = "relative to the machine canary (" + relative.metric().substring("score/".length())
                + "): " + machine.label() + ", " + relative.reason();
        Verdict verdict = measured;
        String reason;
        if (measured == Verdict.REGRESSED || measured == Verdict.IMPROVED) {
            verdict = machine == measured ? measured : Verdict.NOISY;
            reason = comparison.reason() + "; " + canarySays + (verdict == Verdict.NOISY
                    ? "; the machine changed with it, so the code cannot be blamed" : "");
        } else if ((measured == Verdict.UNCHANGED || measured == Verdict.NOISY)
                && (machine == Verdict.REGRESSED || machine == Verdict.IMPROVED)
                && measuredMovedTheSameWay(comparison, machine, alpha)) {
            verdict = machine;
            reason = canarySays + "; as measured it moved the same way, significantly: " + comparison.reason();
        } else if (measured == Verdict.UNCHANGED && (machine == Verdict.REGRESSED || machine == Verdict.IMPROVED)) {
            verdict = Verdict.NOISY;
            reason = comparison.reason() + "; but " + canarySays + ": the machine and the scores disagree";
        } else if (measured == Verdict.NOISY && machine == Verdict.UNCHANGED) {
            verdict = Verdict.UNCHANGED;
            reason = canarySays + "; as measured: " + comparison.reason() + " (the spread was the machine's)";
        } else {
            reason = comparison.reason() + "; " + canarySays;
        }
        return with(comparison, verdict, reason);
    }

    private static BenchmarkComparison with(BenchmarkComparison comparison, Verdict verdict, String reason) {
        return new BenchmarkComparison(comparison.key(), comparison.unit(), comparison.direction(), verdict, reason,
                comparison.metrics());
    }
}
