package io.execbench.harness.compare;

/**
 * A point estimate with its confidence interval, e.g. the ratio current / baseline of two medians.
 *
 * @param value the estimate
 * @param low   the interval's lower end
 * @param high  the interval's upper end
 */
public record Estimate(double value, double low, double high) {

    /** An estimate with no interval (both ends NaN) or no value at all. */
    public static final Estimate UNKNOWN = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** Whether the value and both ends are finite numbers. */
    public boolean known() {
        return Double.isFinite(value) && Double.isFinite(low) && Double.isFinite(high);
    }
}
