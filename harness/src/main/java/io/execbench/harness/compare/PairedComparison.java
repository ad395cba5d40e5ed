package io.execbench.harness.compare;

import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;

/**
 * The verdict on one benchmark measured as paired rounds of two builds in one sitting (A/B comparison), made by
 * {@link PairedComparator#compare}.
 *
 * @param ratio      candidate / baseline (B / A), the exponent of the Hodges-Lehmann estimate of the log-ratios, with
 *                   its distribution-free interval; when there are too few pairs for the confidence
 *                   ({@link PairedComparator#minimumPairs}) the interval is the whole half-line, {@code low} 0 and
 *                   {@code high} +Infinity, so {@link Estimate#known()} is false
 * @param confidence the coverage asked of the interval, {@code 1 - alpha}, so that interval and test agree
 * @param coverage   the coverage the interval really has: at least {@code confidence}, because the signed-rank
 *                   distribution is discrete (99.2% for 8 pairs at 99%); 1 for the unbounded interval
 * @param pValue     the two-sided p-value of the Wilcoxon signed-rank test of "no change" on the log-ratios
 * @param pairCount  the number of pairs (of rounds, or of simultaneous iterations in a duet)
 * @param direction  which way is better for the benchmark's unit
 * @param threshold  the smallest relative change counted, a fraction (0.03 = 3%)
 * @param verdict    {@code regressed}, {@code improved}, {@code unchanged} or {@code noisy}
 * @param reason     one line, e.g. {@code 10.4% worse (99% CI 7.9% worse to 12.6% worse), Wilcoxon p=0.00020, 12 pairs,
 *                   threshold 3.0%}
 */
public record PairedComparison(Estimate ratio, double confidence, double coverage, double pValue, int pairCount,
                               Direction direction, double threshold, Verdict verdict, String reason) {

    /** Whether the interval is the whole half-line (too few pairs for the confidence asked for). */
    public boolean unbounded() {
        return !ratio.known();
    }

    /** Whether no further pairs are needed: the verdict is {@code regressed}, {@code improved} or {@code unchanged}. */
    public boolean decided() {
        return verdict == Verdict.REGRESSED || verdict == Verdict.IMPROVED || verdict == Verdict.UNCHANGED;
    }
}
