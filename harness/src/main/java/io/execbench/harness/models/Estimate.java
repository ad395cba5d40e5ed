package io.execbench.harness.models;

/**
 * A measured or derived quantity with its confidence interval {@code [low, high]}. An interval that cannot be
 * known (JMH reports {@code NaN} as the error of a single iteration) is {@code NaN} at both ends, never a made-up
 * zero width.
 */
public record Estimate(double value, double low, double high) {

    public Estimate {
        if (!Double.isNaN(low) && !(low <= value && value <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] does not contain " + value);
        }
    }

    /** From JMH's {@code score} and {@code scoreError} (the half-width of its 99.9% interval). */
    public static Estimate ofJmh(double score, double scoreError) {
        return new Estimate(score, score - scoreError, score + scoreError);
    }

    public static Estimate withoutInterval(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** Half the interval's width; NaN when unknown. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** This estimate divided by a positive constant (interval scaled with it). */
    public Estimate dividedBy(double divisor) {
        return new Estimate(value / divisor, low / divisor, high / divisor);
    }
}
