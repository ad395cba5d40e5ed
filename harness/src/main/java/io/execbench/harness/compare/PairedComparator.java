package io.execbench.harness.compare;

import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.HodgesLehmann;
import io.execbench.harness.stats.HodgesLehmann.Shift;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Judges one benchmark from paired observations of two builds made in the same minutes (A/B comparison). Pure.
 *
 * <p>Input: one log-ratio {@code log(scoreB / scoreA)} per pair ({@link #logRatio}). For interleaved rounds a pair is
 * the two forks of one round, each summarised by the median of its measurement iterations. For a duet it is best the
 * median of the log-ratios of one round's simultaneous iterations: iterations of one fork share that fork's JIT
 * decisions and memory layout, so per-iteration pairs are not independent and would give an interval too narrow for
 * the fork-to-fork variation (false alarms); pass them one per iteration only where forks are known to agree.
 *
 * <p>Method: on the log scale a multiplicative machine drift that hits both sides of a pair alike cancels, and a
 * change of the code becomes a shift of the log-ratios away from 0. The shift is estimated by Hodges-Lehmann with its
 * distribution-free interval at confidence {@code 1 - alpha} ({@link HodgesLehmann}), and tested with the Wilcoxon
 * signed-rank test (Commons Statistics, exact p-value when there are no zeros or ties, else its normal approximation
 * with tie correction). Both are rank methods, so one wild pair (a cold first round) barely moves either.
 *
 * <p>Zeros (a log-ratio of exactly 0: both sides scored the same) are kept: the test ranks them and leaves them out
 * of the statistic (Pratt's zero procedure, Commons Statistics' choice, which then uses the normal approximation);
 * the interval counts them among the Walsh averages. When every log-ratio is 0 the test is undefined and p is 1.
 *
 * <p>Verdicts, with the ratio oriented so that above 1 is worse ({@link Direction#worseness}) and {@code t} the
 * minimum effect: {@code regressed} when {@code p < alpha} and the whole interval lies above {@code 1 + t};
 * {@code improved} the mirror image below {@code 1 / (1 + t)}; {@code unchanged} when the whole interval lies within
 * {@code [1 / (1 + t), 1 + t]}; {@code noisy} otherwise. Unlike {@link Judge}, a significant change whose estimate
 * is within the threshold but whose interval still reaches beyond it is {@code noisy}, not {@code unchanged}: here a
 * verdict stops the rounds ({@link StoppingRule}), and {@code unchanged} must mean a change of the threshold's size
 * has been ruled out, not merely that the estimate is small.
 */
public final class PairedComparator {

    private static final WilcoxonSignedRankTest SIGNED_RANK =
            WilcoxonSignedRankTest.withDefaults().with(PValueMethod.EXACT);

    private PairedComparator() {
    }

    /** {@code log(candidateScore / baselineScore)}, the input of {@link #compare}, for two positive finite scores. */
    public static double logRatio(double baselineScore, double candidateScore) {
        if (!(baselineScore > 0 && candidateScore > 0 && Double.isFinite(baselineScore)
                && Double.isFinite(candidateScore))) {
            throw new IllegalArgumentException("scores must be positive and finite, not " + baselineScore + " and "
                    + candidateScore);
        }
        return Math.log(candidateScore / baselineScore);
    }

    /**
     * The fewest pairs that can ever give a verdict other than {@code noisy} at significance {@code alpha}: the
     * smallest {@code n} whose most extreme outcome (all pairs one way) has exact two-sided p-value
     * {@code 2 / 2^n < alpha}. With fewer, the test cannot be significant and the {@code 1 - alpha} interval is
     * unbounded. 8 for alpha 0.01 ({@code 2 / 2^7 = 0.0156}, {@code 2 / 2^8 = 0.0078}), 6 for 0.05, 11 for 0.001.
     */
    public static int minimumPairs(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, not " + alpha);
        }
        int n = 1;
        while (2 * Math.pow(0.5, n) >= alpha) {
            n++;
        }
        return n;
    }

    /**
     * Compares candidate B with baseline A on one benchmark.
     *
     * @param logRatios one {@code log(scoreB / scoreA)} per pair, finite, at least one; not modified
     * @param direction which way is better for the benchmark's unit ({@link Direction#of})
     * @param settings  {@code alpha} and {@code minEffect} are used; the interval's confidence is {@code 1 - alpha}
     *                  (not {@link ComparisonSettings#confidence()}, which is for bootstrap intervals)
     */
    public static PairedComparison compare(double[] logRatios, Direction direction, ComparisonSettings settings) {
        double confidence = 1 - settings.alpha();
        Shift shift = HodgesLehmann.estimate(logRatios, confidence);
        double pValue = Arrays.stream(logRatios).allMatch(d -> d == 0) ? 1 : SIGNED_RANK.test(logRatios).getPValue();
        Estimate ratio = new Estimate(Math.exp(shift.estimate()), Math.exp(shift.low()), Math.exp(shift.high()));
        Verdict verdict = verdict(direction, ratio, pValue, settings.alpha(), settings.minEffect());
        String reason = reason(direction, ratio, pValue, shift.pairCount(), settings, verdict);
        return new PairedComparison(ratio, confidence, shift.coverage(), pValue, shift.pairCount(), direction,
                settings.minEffect(), verdict, reason);
    }

    private static Verdict verdict(Direction direction, Estimate ratio, double pValue, double alpha,
                                   double threshold) {
        double a = direction.worseness(ratio.low());
        double b = direction.worseness(ratio.high());
        double wLow = Math.min(a, b);
        double wHigh = Math.max(a, b);
        double upper = 1 + threshold;
        double lower = 1 / upper;
        boolean significant = pValue < alpha;
        if (significant && wLow > upper) {
            return Verdict.REGRESSED;
        }
        if (significant && wHigh < lower) {
            return Verdict.IMPROVED;
        }
        if (wLow >= lower && wHigh <= upper) {
            return Verdict.UNCHANGED;
        }
        return Verdict.NOISY;
    }

    /** E.g. {@code 10.4% worse (99% CI 7.9% worse to 12.6% worse), Wilcoxon p=0.00020, 12 pairs, threshold 3.0%}. */
    private static String reason(Direction direction, Estimate ratio, double pValue, int pairCount,
                                 ComparisonSettings settings, Verdict verdict) {
        double confidencePercent = (1 - settings.alpha()) * 100;
        String interval;
        if (ratio.known()) {
            double a = direction.worseness(ratio.low());
            double b = direction.worseness(ratio.high());
            interval = String.format(Locale.ROOT, "%.0f%% CI %s to %s", confidencePercent,
                    Judge.change(Math.min(a, b)), Judge.change(Math.max(a, b)));
        } else {
            interval = String.format(Locale.ROOT, "no %.0f%% CI from %d pairs: %d needed", confidencePercent,
                    pairCount, minimumPairs(settings.alpha()));
        }
        String facts = String.format(Locale.ROOT, "%s (%s), Wilcoxon p=%.2g, %d pairs, threshold %.1f%%",
                Judge.change(direction.worseness(ratio.value())), interval, pValue, pairCount,
                settings.minEffect() * 100);
        return verdict == Verdict.NOISY && ratio.known() ? facts + "; too much spread to tell" : facts;
    }
}
