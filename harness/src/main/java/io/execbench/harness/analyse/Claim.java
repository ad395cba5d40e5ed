package io.execbench.harness.analyse;

import io.execbench.harness.stats.Estimate;

/**
 * One concurrency claim answered from a run's data.
 *
 * @param claim    the claim, worded as what this run tests
 * @param headline one measured sentence: the number the verdict is decided on, with its interval
 * @param measured everything this run measured that bears on it, with numbers and intervals; empty when untested
 * @param verdict  {@link #SUPPORTED}, {@link #NOT_SUPPORTED}, {@link #WITHIN_NOISE} or {@link #UNTESTED}
 * @param test     the number tested and the bound the claim puts on it; null when untested
 */
public record Claim(String claim, String headline, String measured, String verdict, Test test) {

    public static final String SUPPORTED = "supported";
    public static final String NOT_SUPPORTED = "not supported";
    public static final String WITHIN_NOISE = "within noise: no verdict";
    public static final String UNTESTED = "cannot be tested by this run";

    /** A claim decided by its test: the verdict always follows from the number. */
    static Claim tested(String claim, String headline, String measured, Test test) {
        return new Claim(claim, headline, measured, test.verdict(), test);
    }

    /** A claim this run has no data for; {@code why} says exactly what is missing. */
    static Claim untested(String claim, String why) {
        return new Claim(claim, why, "", UNTESTED, null);
    }

    /** Which side of the bound the claim says the number lies on. */
    public enum Bound {
        /** The claim holds when the number is at most the bound ("no faster than"). */
        AT_MOST,
        /** The claim holds when the number is above the bound ("faster than"). */
        ABOVE
    }

    /**
     * What a claim is decided on.
     *
     * @param figure    the number's name, e.g. {@code virtual / fixedPool calls per second}
     * @param value     the number with its interval
     * @param bound     the side the claim puts it on
     * @param threshold the bound
     */
    public record Test(String figure, Estimate value, Bound bound, double threshold) {

        /**
         * Supported when the number lies on the claim's side, and for an "above" claim its whole interval does;
         * not supported when the whole interval lies on the other side (an "at most" claim) or the number does and
         * the interval does not reach the claim's side (an "above" claim); otherwise within noise.
         */
        public String verdict() {
            boolean interval = value.hasInterval();
            if (bound == Bound.AT_MOST) {
                if (interval && value.low() > threshold) {
                    return NOT_SUPPORTED;
                }
                return interval && value.value() <= threshold ? SUPPORTED : WITHIN_NOISE;
            }
            if (interval && value.low() > threshold) {
                return SUPPORTED;
            }
            return interval && value.high() <= threshold ? NOT_SUPPORTED : WITHIN_NOISE;
        }

        /** Whether {@code verdict} says the opposite of where the number lies. */
        public boolean contradicts(String verdict) {
            boolean onClaimSide = bound == Bound.AT_MOST ? value.value() <= threshold : value.value() > threshold;
            return verdict.equals(SUPPORTED) && !onClaimSide || verdict.equals(NOT_SUPPORTED) && onClaimSide;
        }
    }
}
