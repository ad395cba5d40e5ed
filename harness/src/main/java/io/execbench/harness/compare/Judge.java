package io.execbench.harness.compare;

import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import java.util.Locale;

/**
 * The verdict rule for one metric, pure: a three-way decision between "worse by more than the threshold",
 * "within the threshold" and "cannot tell", read off the interval. With {@code w} the ratio expressed so that above 1
 * is worse (see {@link Direction#worseness}), its interval {@code [wLow, wHigh]} and the threshold {@code t}:
 * <ol>
 *   <li>{@code regressed}: the change is significant (rank test below alpha, or for percentiles the interval
 *       excludes 1) and the whole interval lies above {@code 1 + t}: confidently worse by more than the threshold;</li>
 *   <li>{@code improved}: the mirror image, the whole interval below {@code 1 / (1 + t)};</li>
 *   <li>{@code unchanged}: the whole interval lies within {@code [1 / (1 + t), 1 + t]} (no change of the threshold's
 *       size is plausible), or the change is significant but its estimate is within the threshold;</li>
 *   <li>{@code noisy}: anything else: the interval is too wide to rule a change of the threshold's size in or out.</li>
 * </ol>
 * Requiring the whole interval beyond the threshold, and the test as well, is what keeps A/A runs quiet (differences
 * between forks are often "significant" and small, and a loaded machine gives wide intervals), while a 5% step with
 * a tight interval is still caught.
 */
public final class Judge {

    private Judge() {
    }

    /** A verdict and its reason. */
    public record Judgement(Verdict verdict, String reason) {
    }

    /**
     * Judges one metric.
     *
     * @param direction  which way is better
     * @param ratio      current / baseline with its interval
     * @param pValue     the rank test's two-sided p-value, or NaN to judge significance from the interval alone
     * @param alpha      significance level
     * @param threshold  smallest relative change counted (0.03 = 3%)
     * @param why        what set the threshold, appended to it in the message (may be empty)
     * @param confidence the interval's coverage, for the message
     */
    public static Judgement judge(Direction direction, Estimate ratio, double pValue, double alpha, double threshold,
                                  String why, double confidence) {
        if (!ratio.known()) {
            return new Judgement(Verdict.NOISY, "no estimate: a value is zero or missing");
        }
        double w = direction.worseness(ratio.value());
        double a = direction.worseness(ratio.low());
        double b = direction.worseness(ratio.high());
        double wLow = Math.min(a, b);
        double wHigh = Math.max(a, b);
        double upper = 1 + threshold;
        double lower = 1 / upper;
        boolean significant = Double.isNaN(pValue) ? wLow > 1 || wHigh < 1 : pValue < alpha;
        String facts = describe(w, wLow, wHigh, pValue, threshold, confidence) + why;
        if (significant && wLow > upper) {
            return new Judgement(Verdict.REGRESSED, facts);
        }
        if (significant && wHigh < lower) {
            return new Judgement(Verdict.IMPROVED, facts);
        }
        if (wLow >= lower && wHigh <= upper) {
            return new Judgement(Verdict.UNCHANGED, facts);
        }
        if (significant && w >= lower && w <= upper) {
            return new Judgement(Verdict.UNCHANGED, facts + "; a change, but smaller than the threshold");
        }
        return new Judgement(Verdict.NOISY, facts + "; too much spread to tell");
    }

    /** E.g. {@code 10.2% worse (99% CI 8.1% to 12.4% worse), p=0.0002, threshold 3.0%}. */
    static String describe(double w, double wLow, double wHigh, double pValue, double threshold, double confidence) {
        String p = Double.isNaN(pValue) ? "" : String.format(Locale.ROOT, ", p=%.2g", pValue);
        return String.format(Locale.ROOT, "%s (%.0f%% CI %s to %s)%s, threshold %.1f%%", change(w),
                confidence * 100, change(wLow), change(wHigh), p, threshold * 100);
    }

    /** A worseness factor in words: {@code 10.2% worse}, {@code 3.1% better}, {@code no change}. */
    static String change(double w) {
        double percent = (w - 1) * 100;
        if (Math.abs(percent) < 0.05) {
            return "no change";
        }
        return String.format(Locale.ROOT, "%.1f%% %s", Math.abs(percent), percent > 0 ? "worse" : "better");
    }
}
