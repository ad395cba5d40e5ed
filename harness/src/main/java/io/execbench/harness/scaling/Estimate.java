package io.execbench.harness.scaling;

/**
 * A value with a confidence interval. {@code low} and {@code high} are {@code NaN} where the inputs carried no
 * uncertainty (a single sample, or a fit without degrees of freedom left).
 *
 * @param value      the point estimate
 * @param low        lower bound of the interval
 * @param high       upper bound of the interval
 * @param confidence the interval's confidence level, e.g. {@code 0.999}
 */
public record Estimate(double value, double low, double high, double confidence) {

    /** A value known exactly, such as S(1) = 1. */
    static Estimate exact(double value, double confidence) {
        return new Estimate(value, value, value, confidence);
    }

    /** A value whose interval is unknown. */
    static Estimate withoutInterval(double value, double confidence) {
        return new Estimate(value, Double.NaN, Double.NaN, confidence);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** This estimate shifted by {@code delta}, interval included. */
    Estimate plus(double delta) {
        return new Estimate(value + delta, low + delta, high + delta, confidence);
    }

    /** This estimate divided by a constant, interval included. */
    Estimate dividedBy(double divisor) {
        return new Estimate(value / divisor, low / divisor, high / divisor, confidence);
    }
}
