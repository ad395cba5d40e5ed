package io.execbench.harness.stats;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * A transport's cost model, {@code time(bytes) = fixed + perByte * bytes}, fitted by least squares (Hipparchus) to
 * measured times per message. Payloads span decades (0 B to MiB), so residuals are weighted as relative,
 * {@code 1/time^2}: a 64-byte point weighs as much as a 1 MiB one, and the fixed cost is not lost in the large
 * payloads' noise. Intervals come from the covariance scaled by the residual variance, with Student's t at
 * {@code points - 2} degrees of freedom; with two payload sizes the line is exact and has no interval.
 *
 * @param fixedNs    the cost of a message of no bytes, ns
 * @param perByteNs  the cost of each byte, ns
 * @param points     how many payload sizes the fit rests on
 */
public record CostFit(Estimate fixedNs, Estimate perByteNs, int points) {

    public static final double CONFIDENCE = 0.95;

    /** One measured payload size: bytes and the time per message in ns. */
    public record Sample(double bytes, double timeNs) {
    }

    /** The time the model predicts for {@code bytes}, ns. */
    public double predictNs(double bytes) {
        return fixedNs.value() + perByteNs.value() * bytes;
    }

    /** Bytes at which the per-byte cost equals the fixed cost; infinite when the per-byte cost is not positive. */
    public double crossoverBytes() {
        return perByteNs.value() > 0 ? fixedNs.value() / perByteNs.value() : Double.POSITIVE_INFINITY;
    }

    /**
     * The crossover size with an interval: {@code fixed / perByte}, its ends from the ends of both parameters' 95%
     * intervals (the lowest fixed over the highest per-byte cost, and the other way round). Conservative: both
     * parameters inside their intervals at once holds with at least 90% confidence (Bonferroni), the level stated.
     * Unbounded above when the per-byte interval reaches zero; no interval when the fit has none.
     */
    public Estimate crossover() {
        double value = crossoverBytes();
        if (!fixedNs.hasInterval() || !perByteNs.hasInterval()) {
            return Estimate.withoutInterval(value, JOINT_CONFIDENCE);
        }
        double low = perByteNs.high() > 0 ? Math.max(0, fixedNs.low()) / perByteNs.high() : Double.POSITIVE_INFINITY;
        double high = perByteNs.low() > 0 ? fixedNs.high() / perByteNs.low() : Double.POSITIVE_INFINITY;
        return new Estimate(value, low, high, JOINT_CONFIDENCE);
    }

    /** The confidence of {@link #crossover()}'s interval: two 95% intervals held at once. */
    public static final double JOINT_CONFIDENCE = 0.90;

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException with fewer than two distinct payload sizes, or a non-positive time
     */
    public static CostFit fit(List<Sample> samples) {
        if (samples.stream().mapToDouble(Sample::bytes).distinct().count() < 2) {
            throw new IllegalArgumentException("a fixed + per-byte fit needs two or more payload sizes");
        }
        int m = samples.size();
        double[] bytes = new double[m];
        double[] times = new double[m];
        double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            bytes[i] = samples.get(i).bytes();
            times[i] = samples.get(i).timeNs();
            if (!(times[i] > 0)) {
                throw new IllegalArgumentException("time per message must be positive, was " + times[i]);
            }
            weights[i] = 1 / (times[i] * times[i]);
        }
        RealMatrix jacobian = new Array2DRowRealMatrix(m, 2);
        for (int i = 0; i < m; i++) {
            jacobian.setEntry(i, 0, 1);
            jacobian.setEntry(i, 1, bytes[i]);
        }
        double smallest = Arrays.stream(times).min().orElseThrow();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(point -> new Pair<>(jacobian.operate(point), jacobian))
                .target(times)
                .weight(new DiagonalMatrix(weights))
                .start(new double[] {smallest, 0})
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build());
        double fixed = optimum.getPoint().getEntry(0);
        double perByte = optimum.getPoint().getEntry(1);
        int dof = m - 2;
        if (dof <= 0) {
            return new CostFit(new Estimate(fixed, Double.NaN, Double.NaN, CONFIDENCE),
                    new Estimate(perByte, Double.NaN, Double.NaN, CONFIDENCE), m);
        }
        RealMatrix covariance = optimum.getCovariances(1e-14).scalarMultiply(optimum.getChiSquare() / dof);
        double t = new TDistribution(dof).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        double fixedHalf = t * Math.sqrt(covariance.getEntry(0, 0));
        double perByteHalf = t * Math.sqrt(covariance.getEntry(1, 1));
        return new CostFit(new Estimate(fixed, fixed - fixedHalf, fixed + fixedHalf, CONFIDENCE),
                new Estimate(perByte, perByte - perByteHalf, perByte + perByteHalf, CONFIDENCE), m);
    }
}
