package io.execbench.harness.stats;

/**
 * A value with a confidence interval: the one estimate type of the harness. {@code low} and {@code high} are
 * {@code NaN} where the inputs carried no uncertainty (a single sample, or a fit without degrees of freedom left),
 * never a made-up zero width.
 *
 * @param value      the point estimate
 * @param low        lower bound of the interval
 * @param high       upper bound of the interval
 * @param confidence the interval's confidence level, e.g. {@code 0.999}; {@code NaN} where the level is stated
 *                   elsewhere (a comparison's settings state it for all of its ratios)
 */
public record Estimate(double value, double low, double high, double confidence) {

    /** An estimate with no value and no interval. */
    public static final Estimate UNKNOWN = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** An estimate whose confidence level is stated by whoever holds it (e.g. a comparison's settings). */
    public Estimate(double value, double low, double high) {
        this(value, low, high, Double.NaN);
    }

    /** A value known exactly, such as S(1) = 1. */
    public static Estimate exact(double value, double confidence) {
        return new Estimate(value, value, value, confidence);
    }

    /** A value whose interval is unknown. */
    public static Estimate withoutInterval(double value, double confidence) {
        return new Estimate(value, Double.NaN, Double.NaN, confidence);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** Whether the value and both ends are finite numbers. */
    public boolean known() {
        return Double.isFinite(value) && Double.isFinite(low) && Double.isFinite(high);
    }

    /** This estimate shifted by {@code delta}, interval included. */
    public Estimate plus(double delta) {
        return new Estimate(value + delta, low + delta, high + delta, confidence);
    }

    /** This estimate divided by a constant, interval included. */
    public Estimate dividedBy(double divisor) {
        return new Estimate(value / divisor, low / divisor, high / divisor, confidence);
    }
}
