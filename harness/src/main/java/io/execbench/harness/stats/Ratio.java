package io.execbench.harness.stats;

import io.execbench.harness.read.Metric;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The one interval method for a ratio of two independently measured JMH scores (a speedup, a model against inline,
 * a transport against another): every ratio the report shows comes from here.
 *
 * <p>JMH reports each score's {@code scoreError}, the half-width of a 99.9% Student-t interval of the mean,
 * {@code t(0.9995, n-1) * sd / sqrt(n)}. Each is turned back into a relative standard error,
 * {@code rse = scoreError / t(0.9995, n-1) / score}. The two scores come from different trials, so on the log
 * scale (delta method) {@code Var(ln r) = rse_a^2 + rse_b^2}. The interval is {@code r * exp(+-t(df) * sqrt(Var))},
 * with Student's t at the Welch-Satterthwaite degrees of freedom
 * {@code df = Var^2 / (rse_a^4 / (n_a - 1) + rse_b^4 / (n_b - 1))}: asymmetric like the ratio, never negative, and
 * as wide as few iterations deserve (with 3 iterations a side, t(0.9995, 4) = 8.6 where the normal z is 3.3). It
 * approaches the normal interval as the iterations grow.
 */
public final class Ratio {

    /**
     * One side of a ratio: a mean, JMH's 99.9% half-width of it ({@code NaN} when unknown) and the samples behind it.
     */
    public record Side(double value, double halfWidth, long samples) {

        /** The primary score of a JMH metric. */
        public static Side of(Metric metric) {
            return new Side(metric.score(), metric.scoreError(), metric.sampleCount());
        }

        /**
         * The mean of independent repeated measurements (one per iteration or run) with the same 99.9% Student-t
         * half-width JMH gives its scores; no half-width for fewer than two.
         */
        public static Side ofSamples(double[] values) {
            int n = values.length;
            double mean = Arrays.stream(values).average().orElse(Double.NaN);
            if (n < 2) {
                return new Side(mean, Double.NaN, n);
            }
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            double sd = Math.sqrt(squares / (n - 1));
            double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + Metric.SCORE_ERROR_CONFIDENCE / 2);
            return new Side(mean, t * sd / Math.sqrt(n), n);
        }

        /** This side as an estimate of its mean with the 99.9% interval (none when the half-width is unknown). */
        public Estimate estimate() {
            return Double.isFinite(halfWidth)
                    ? new Estimate(value, value - halfWidth, value + halfWidth, Metric.SCORE_ERROR_CONFIDENCE)
                    : Estimate.withoutInterval(value, Metric.SCORE_ERROR_CONFIDENCE);
        }

        /** {@code (se / mean)^2}; NaN when it cannot be known (one sample, no error, a score that is not positive). */
        double relativeVariance() {
            if (samples < 2 || !Double.isFinite(halfWidth) || !(value > 0)) {
                return Double.NaN;
            }
            double t = new TDistribution(samples - 1).inverseCumulativeProbability(0.5 + Metric.SCORE_ERROR_CONFIDENCE / 2);
            double rse = halfWidth / t / value;
            return rse * rse;
        }
    }

    private Ratio() {
    }

    /** {@code a / b} with its interval at {@code confidence}; no interval when either side has none. */
    public static Estimate of(Side a, Side b, double confidence) {
        double r = a.value() / b.value();
        double va = a.relativeVariance();
        double vb = b.relativeVariance();
        if (Double.isNaN(va) || Double.isNaN(vb)) {
            return Estimate.withoutInterval(r, confidence);
        }
        double variance = va + vb;
        if (variance == 0) {
            return new Estimate(r, r, r, confidence);
        }
        double df = variance * variance / (va * va / (a.samples() - 1) + vb * vb / (b.samples() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.5 + confidence / 2);
        double spread = t * Math.sqrt(variance);
        return new Estimate(r, r * Math.exp(-spread), r * Math.exp(spread), confidence);
    }

    /** As {@link #of(Side, Side, double)} at JMH's 99.9%. */
    public static Estimate of(Side a, Side b) {
        return of(a, b, Metric.SCORE_ERROR_CONFIDENCE);
    }
}
