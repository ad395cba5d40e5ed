package io.execbench.harness.compare;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import java.util.Optional;

/**
 * Tells a change of the code from a change of the machine, with the canary the runner reads beside every measurement
 * iteration ({@code canary.cpu}, a fixed register-bound chain in ns/step, see {@code IterationCanary}).
 *
 * <p>On a shared host the speed of a core drifts by tens of percent within an hour: two runs of one build then
 * differ by more than any threshold worth having, and a canary read at the start and end of a run, minutes away from
 * most benchmarks, cannot follow it. Each iteration's score divided by the canary read around that same iteration
 * (a rate multiplied by it) is the score in "canary steps": it moves when the code does more or less work, not when
 * the core runs every step slower. Both runs' scores are compared as measured and relative to the canary, with the
 * same test and threshold, and {@link #guard} keeps a verdict only where the two agree:
 * <ul>
 *   <li>regressed or improved as measured, and the same relative to the canary: kept;</li>
 *   <li>regressed or improved as measured, but not relative to the canary: the machine moved with it, so
 *       {@code noisy};</li>
 *   <li>unchanged as measured but regressed or improved relative to the canary (the machine got faster as the code
 *       got slower, or the benchmark does not follow the core's speed): {@code noisy}, never a silent
 *       {@code unchanged};</li>
 *   <li>noisy as measured and unchanged relative to the canary: {@code unchanged}, the spread was the machine's.</li>
 * </ul>
 * The canary makes no verdict alone: a regression must be seen in the scores as measured too.
 *
 * <p>Calibration ({@code calibrate}, A/A runs) learns a noise floor for both, per benchmark, and each is compared at its
 * own floor. Letting the steadier of the two judge alone was tried and dropped: on this project's 2-vCPU machine
 * (2026-11-27), with floors learnt from three quick runs, it raised six false alarms over ten held-out A/A pairs where
 * requiring agreement raised one.
 */
public final class CanaryRelative {

    /** The name of the metric compared, in verdict.json and in noise.json. */
    public static final String METRIC = "score/canary";

    /** The secondary metric the runner writes beside each iteration. */
    static final String CANARY = "canary.cpu";

    private CanaryRelative() {
    }

    /** {@code scores} (the primary metric's samples of {@code result}) relative to its canary, when it has one. */
    public static Optional<Samples> samples(BenchmarkResult result, Samples scores, Direction direction) {
        Metric canary = result.secondaryMetrics().get(CANARY);
        if (canary == null || !"ns/step".equals(canary.scoreUnit())) {
            return Optional.empty();
        }
        return scores.relativeTo(canary, direction);
    }

    /** {@code comparison}'s verdict checked against its score relative to the canary (the rules above). */
    static BenchmarkComparison guard(BenchmarkComparison comparison) {
        return comparison.metrics().stream().filter(metric -> metric.metric().equals(METRIC)).findFirst()
                .map(relative -> agreement(comparison, relative)).orElse(comparison);
    }

    private static BenchmarkComparison agreement(BenchmarkComparison comparison, MetricComparison relative) {
        Verdict measured = comparison.verdict();
        Verdict machine = relative.verdict();
        String canarySays = "relative to the machine canary: " + machine.label() + ", " + relative.reason();
        Verdict verdict = measured;
        String reason;
        if (measured == Verdict.REGRESSED || measured == Verdict.IMPROVED) {
            verdict = machine == measured ? measured : Verdict.NOISY;
            reason = comparison.reason() + "; " + canarySays + (verdict == Verdict.NOISY
                    ? "; the machine changed with it, so the code cannot be blamed" : "");
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
