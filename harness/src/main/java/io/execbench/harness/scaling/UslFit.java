package io.execbench.harness.scaling;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Gunther's Universal Scalability Law fitted to measured speedups:
 * {@code C(N) = N / (1 + sigma (N - 1) + kappa N (N - 1))}, where sigma is contention (the serial fraction) and kappa
 * coherency (the cost of keeping shared data consistent, which makes throughput fall past a peak).
 *
 * <p>Method: Levenberg-Marquardt (Hipparchus) on the speedups at N &gt; 1 (C(1) = S(1) = 1 by construction, so that
 * point carries no information), minimising the squared <em>relative</em> residuals {@code (C(N) - S(N)) / S(N)},
 * so a point at 64 threads weighs as much as one at 2. Parameter intervals come from the covariance
 * {@code (J'WJ)^-1} scaled by the residual variance {@code chi2 / (points - 2)}, with Student's t at
 * {@code points - 2} degrees of freedom; with only two points above N = 1 the fit is exact and has no interval.
 * The parameters are not constrained: a negative sigma or kappa is reported as found (superlinear points, or a hard
 * CPU limit that the USL's smooth curve cannot follow), and there is then no predicted peak.
 *
 * @param sigma        contention, with its interval
 * @param kappa        coherency, with its interval
 * @param peakThreads  {@code N* = sqrt((1 - sigma) / kappa)}, where throughput is predicted to peak; null unless
 *                     {@code kappa > 0} and {@code sigma < 1}
 * @param residuals    one per input point, N = 1 included
 * @param degreesOfFreedom points above N = 1 minus the two parameters
 */
public record UslFit(Estimate sigma, Estimate kappa, Double peakThreads, List<Residual> residuals,
                     int degreesOfFreedom) {

    /** The default confidence of the parameter intervals. */
    public static final double CONFIDENCE = 0.95;

    /**
     * How far the fit is from one point.
     *
     * @param threads  N
     * @param measured S(N)
     * @param fitted   C(N)
     * @param fraction {@code (fitted - measured) / measured}
     */
    public record Residual(int threads, double measured, double fitted, double fraction) {
    }

    /** The largest |residual fraction|: how well the law describes this sweep. */
    public double worstResidualFraction() {
        return residuals.stream().mapToDouble(r -> Math.abs(r.fraction())).max().orElse(0);
    }

    /** The law's prediction at {@code threads} with the fitted parameters. */
    public double predict(double threads) {
        return capacity(threads, sigma.value(), kappa.value());
    }

    /** Fits at {@link #CONFIDENCE}. */
    public static UslFit fit(List<Speedup.Point> speedups) {
        return fit(speedups, CONFIDENCE);
    }

    /**
     * Fits the law to one sweep's speedups.
     *
     * @throws IllegalArgumentException with fewer than two thread counts above 1
     */
    public static UslFit fit(List<Speedup.Point> speedups, double confidence) {
        List<Speedup.Point> informative = speedups.stream().filter(p -> p.threads() > 1).toList();
        if (informative.size() < 2) {
            throw new IllegalArgumentException("a USL fit needs speedups at two or more thread counts above 1, got "
                    + speedups.stream().map(Speedup.Point::threads).toList());
        }
        int m = informative.size();
        double[] threads = new double[m];
        double[] measured = new double[m];
        double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            threads[i] = informative.get(i).threads();
            measured[i] = informative.get(i).speedup().value();
            weights[i] = 1 / (measured[i] * measured[i]); // relative residuals
        }
        MultivariateJacobianFunction law = point -> {
            double sigma = point.getEntry(0);
            double kappa = point.getEntry(1);
            RealVector value = new ArrayRealVector(m);
            RealMatrix jacobian = new Array2DRowRealMatrix(m, 2);
            for (int i = 0; i < m; i++) {
                double n = threads[i];
                double denominator = 1 + sigma * (n - 1) + kappa * n * (n - 1);
                value.setEntry(i, n / denominator);
                jacobian.setEntry(i, 0, -n * (n - 1) / (denominator * denominator));
                jacobian.setEntry(i, 1, -n * n * (n - 1) / (denominator * denominator));
            }
            return new Pair<>(value, jacobian);
        };
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(law)
                .target(measured)
                .weight(new DiagonalMatrix(weights))
                .start(new double[] {0.01, 0.0001}) // near-linear scaling: the usual neighbourhood of real machines
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build());
        double sigma = optimum.getPoint().getEntry(0);
        double kappa = optimum.getPoint().getEntry(1);
        int dof = m - 2;
        Estimate sigmaEstimate;
        Estimate kappaEstimate;
        if (dof > 0) {
            RealMatrix covariance = optimum.getCovariances(1e-14).scalarMultiply(optimum.getChiSquare() / dof);
            double t = new TDistribution(dof).inverseCumulativeProbability(0.5 + confidence / 2);
            double sigmaHalf = t * Math.sqrt(covariance.getEntry(0, 0));
            double kappaHalf = t * Math.sqrt(covariance.getEntry(1, 1));
            sigmaEstimate = new Estimate(sigma, sigma - sigmaHalf, sigma + sigmaHalf, confidence);
            kappaEstimate = new Estimate(kappa, kappa - kappaHalf, kappa + kappaHalf, confidence);
        } else {
            sigmaEstimate = Estimate.withoutInterval(sigma, confidence);
            kappaEstimate = Estimate.withoutInterval(kappa, confidence);
        }
        Double peak = kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null;
        List<Residual> residuals = speedups.stream().map(p -> {
            double fitted = capacity(p.threads(), sigma, kappa);
            double observed = p.speedup().value();
            return new Residual(p.threads(), observed, fitted, (fitted - observed) / observed);
        }).toList();
        return new UslFit(sigmaEstimate, kappaEstimate, peak, residuals, dof);
    }

    static double capacity(double threads, double sigma, double kappa) {
        return threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
    }
}
