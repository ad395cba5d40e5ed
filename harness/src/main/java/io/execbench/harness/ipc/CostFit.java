package io.execbench.harness.ipc;

import io.execbench.harness.scaling.Estimate;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A transport's round-trip time as a line in the payload size: {@code time = fixed + perByte x bytes}, with the
 * payload size above which the bytes cost more than the fixed part ({@code fixed / perByte}).
 *
 * <p>Method: weighted least squares in closed form, with weights {@code 1 / time^2}, i.e. the squared
 * <em>relative</em> residuals are minimised. Round trips span five orders of magnitude from 0 bytes to 16 MiB; an
 * unweighted fit would be decided by the largest payloads alone, and the fixed cost, a few microseconds, would be
 * lost in their noise. With relative weights every size has the same say, and the fixed cost comes mostly from
 * the small payloads and the per-byte cost from the large ones, which is what each of them measures best.
 *
 * <p>Intervals: the covariance {@code s^2 (X'WX)^-1}, where {@code s^2 = sum(w r^2) / (n - 2)} is the residual
 * variance, with Student's t at {@code n - 2} degrees of freedom. The residuals, not JMH's per-point errors, set
 * the width: a transport whose cost is not linear in the bytes (a cache size crossed, a pipe buffer filled) gets
 * wide intervals, as it should. The crossover's interval propagates both terms and their covariance (delta
 * method). With two sizes the line is exact and has no interval.
 *
 * @param transport        the transport fitted
 * @param fixedMicros      the cost at 0 bytes, in microseconds
 * @param nanosPerByte     the cost of each further byte (sent and echoed), in nanoseconds
 * @param crossoverBytes   {@code fixedMicros / perByte}: above this many bytes the per-byte part dominates; null
 *                         when the fitted per-byte cost is not positive (no such size)
 * @param residuals        one per point, in input order
 * @param degreesOfFreedom points minus the two terms
 */
public record CostFit(String transport, Estimate fixedMicros, Estimate nanosPerByte, Estimate crossoverBytes,
                      List<Residual> residuals, int degreesOfFreedom) {

    /** The default confidence of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /**
     * How far the line is from one point.
     *
     * @param payloadBytes the point's size
     * @param micros       measured
     * @param fittedMicros on the line
     * @param fraction     {@code (fitted - measured) / measured}
     */
    public record Residual(long payloadBytes, double micros, double fittedMicros, double fraction) {
    }

    public CostFit {
        residuals = List.copyOf(residuals);
    }

    /** The line's round trip at {@code payloadBytes}, in microseconds. */
    public double predictMicros(double payloadBytes) {
        return fixedMicros.value() + nanosPerByte.value() / 1000 * payloadBytes;
    }

    /** The largest |residual fraction|: how well a line describes this transport. */
    public double worstResidualFraction() {
        return residuals.stream().mapToDouble(r -> Math.abs(r.fraction())).max().orElse(0);
    }

    /** Fits at {@link #CONFIDENCE}. */
    public static CostFit fit(List<RoundTripPoint> points) {
        return fit(points, CONFIDENCE);
    }

    /**
     * Fits one transport's points.
     *
     * @throws IllegalArgumentException with points of several transports, or fewer than two distinct sizes
     */
    public static CostFit fit(List<RoundTripPoint> points, double confidence) {
        if (points.stream().map(RoundTripPoint::transport).distinct().count() != 1) {
            throw new IllegalArgumentException("a cost fit takes the points of exactly one transport, got "
                    + points.stream().map(RoundTripPoint::transport).distinct().toList());
        }
        String transport = points.getFirst().transport();
        if (points.stream().mapToLong(RoundTripPoint::payloadBytes).distinct().count() < 2) {
            throw new IllegalArgumentException(transport + ": a cost fit needs two or more payload sizes, got "
                    + points.stream().map(RoundTripPoint::payloadBytes).toList());
        }
        int n = points.size();
        double[] bytes = new double[n];
        double[] micros = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = points.get(i).payloadBytes();
            micros[i] = points.get(i).micros();
            weights[i] = 1 / (micros[i] * micros[i]);
        }
        Line line = Line.fit(bytes, micros, weights, confidence);
        Estimate fixed = line.intercept();
        Estimate perByteMicros = line.slope();
        Estimate nanosPerByte = new Estimate(perByteMicros.value() * 1000, perByteMicros.low() * 1000,
                perByteMicros.high() * 1000, confidence);
        Estimate crossover = null;
        if (perByteMicros.value() > 0) {
            double value = fixed.value() / perByteMicros.value();
            if (line.degreesOfFreedom() > 0) {
                double a = fixed.value();
                double b = perByteMicros.value();
                double variance = line.varianceIntercept() / (b * b) + a * a * line.varianceSlope() / (b * b * b * b)
                        - 2 * a * line.covariance() / (b * b * b);
                double half = line.t() * Math.sqrt(Math.max(0, variance));
                crossover = new Estimate(value, value - half, value + half, confidence);
            } else {
                crossover = new Estimate(value, Double.NaN, Double.NaN, confidence);
            }
        }
        List<Residual> residuals = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double fitted = fixed.value() + perByteMicros.value() * bytes[i];
            residuals.add(new Residual(points.get(i).payloadBytes(), micros[i], fitted,
                    (fitted - micros[i]) / micros[i]));
        }
        return new CostFit(transport, fixed, nanosPerByte, crossover, residuals, line.degreesOfFreedom());
    }

    /**
     * Weighted least squares for {@code y = intercept + slope x}, in closed form, with its covariance.
     * Package-private so the arithmetic can be tested against hand-computed ordinary least squares (weights 1).
     */
    record Line(Estimate intercept, Estimate slope, double varianceIntercept, double varianceSlope,
                double covariance, double t, int degreesOfFreedom) {

        static Line fit(double[] x, double[] y, double[] w, double confidence) {
            int n = x.length;
            double sw = 0;
            double swx = 0;
            double swy = 0;
            for (int i = 0; i < n; i++) {
                sw += w[i];
                swx += w[i] * x[i];
                swy += w[i] * y[i];
            }
            // Centred on the weighted means: sizes up to 2^24 squared would otherwise cancel catastrophically.
            double mx = swx / sw;
            double my = swy / sw;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - mx;
                sxx += w[i] * dx * dx;
                sxy += w[i] * dx * (y[i] - my);
            }
            double slope = sxy / sxx;
            double intercept = my - slope * mx;
            int dof = n - 2;
            if (dof <= 0) {
                return new Line(new Estimate(intercept, Double.NaN, Double.NaN, confidence),
                        new Estimate(slope, Double.NaN, Double.NaN, confidence), Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, dof);
            }
            double chi2 = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - intercept - slope * x[i];
                chi2 += w[i] * r * r;
            }
            double s2 = chi2 / dof;
            double varianceSlope = s2 / sxx;
            double varianceIntercept = s2 * (1 / sw + mx * mx / sxx);
            double covariance = -mx * varianceSlope;
            double t = new TDistribution(dof).inverseCumulativeProbability(0.5 + confidence / 2);
            double interceptHalf = t * Math.sqrt(varianceIntercept);
            double slopeHalf = t * Math.sqrt(varianceSlope);
            return new Line(new Estimate(intercept, intercept - interceptHalf, intercept + interceptHalf, confidence),
                    new Estimate(slope, slope - slopeHalf, slope + slopeHalf, confidence), varianceIntercept,
                    varianceSlope, covariance, t, dof);
        }
    }
}
