package io.execbench.harness.stats;

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
 * <p>The CPU limit. The law describes N threads that each have a processor. Past the usable CPUs {@code p}, the
 * threads time-slice: at most {@code p} run at once, so the law is evaluated at {@code min(N, p)} and the model is
 * flat from {@code p} on ({@code C(N) = C(p)}). Without this, the smooth curve has to bend through the hard knee at
 * {@code p} and misses the points on both sides of it (on a 2-CPU machine, sweeping 1 to 4 threads: about 6%
 * residuals and a negative sigma); with it, the points past {@code p} test the model instead of distorting it:
 * a residual there is what oversubscription costs beyond losing the extra threads (context switches, caches
 * refilled after each time slice). With {@code p} unknown (null) the law is fitted as is.
 *
 * <p>Identifiability. sigma and kappa need two distinct concurrency levels above 1 within the CPUs. A 2-CPU machine
 * has one ({@code min(N, 2) = 2} for every N &gt; 1): there kappa is fixed at 0 (no coherency term: Amdahl's law),
 * {@link #kappaIdentified()} is false, and only sigma is fitted, still to every point.
 *
 * <p>Method: Levenberg-Marquardt (Hipparchus) on the speedups at N &gt; 1 (C(1) = S(1) = 1 by construction, so that
 * point carries no information), minimising the squared <em>relative</em> residuals {@code (C(N) - S(N)) / S(N)},
 * so a point at 64 threads weighs as much as one at 2. Parameter intervals come from the covariance
 * {@code (J'WJ)^-1} scaled by the residual variance {@code chi2 / (points - parameters)}, with Student's t at
 * {@code points - parameters} degrees of freedom; with no degree of freedom left the fit is exact and has no
 * interval. The parameters are not constrained: a negative sigma or kappa is reported as found (superlinear points),
 * and there is then no coherency peak.
 *
 * @param sigma        contention, with its interval
 * @param kappa        coherency, with its interval (exactly 0, without an interval, when not identified)
 * @param kappaIdentified whether the sweep could separate kappa from sigma (see above)
 * @param cpus         the usable CPUs {@code p} the model is capped at, or null for the plain law
 * @param peakThreads  the thread count where the model peaks: {@code N* = sqrt((1 - sigma) / kappa)} (at least 1)
 *                     when {@code kappa > 0} and {@code sigma < 1}, capped at {@code p}; {@code p} itself when the
 *                     law only rises; 1 when {@code sigma >= 1} (more threads never help); null when it rises
 *                     without limit (no kappa peak and no CPU limit)
 * @param residuals    one per input point, N = 1 included
 * @param degreesOfFreedom points above N = 1 minus the fitted parameters
 */
public record UslFit(Estimate sigma, Estimate kappa, boolean kappaIdentified, Double cpus, Double peakThreads,
                     List<Residual> residuals, int degreesOfFreedom) {

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

    /** The model's prediction at {@code threads} with the fitted parameters (flat past {@link #cpus()}). */
    public double predict(double threads) {
        return capacity(effective(threads, cpus), sigma.value(), kappa.value());
    }

    /** The plain law (no CPU limit) at {@link #CONFIDENCE}. */
    public static UslFit fit(List<Speedup.Point> speedups) {
        return fit(speedups, null, CONFIDENCE);
    }

    /** The law capped at {@code cpus} usable CPUs (null: not capped), at {@link #CONFIDENCE}. */
    public static UslFit fit(List<Speedup.Point> speedups, Double cpus) {
        return fit(speedups, cpus, CONFIDENCE);
    }

    /**
     * Fits the model to one sweep's speedups.
     *
     * @param cpus the usable CPUs, or null when unknown
     * @throws IllegalArgumentException with fewer than two thread counts above 1, or none above 1 within the CPUs
     */
    public static UslFit fit(List<Speedup.Point> speedups, Double cpus, double confidence) {
        List<Speedup.Point> informative = speedups.stream().filter(p -> p.threads() > 1).toList();
        if (informative.size() < 2) {
            throw new IllegalArgumentException("a USL fit needs speedups at two or more thread counts above 1, got "
                    + speedups.stream().map(Speedup.Point::threads).toList());
        }
        if (cpus != null && !(cpus > 1)) {
            throw new IllegalArgumentException("a USL fit needs more than one usable CPU, got " + cpus);
        }
        int m = informative.size();
        double[] levels = new double[m];
        double[] measured = new double[m];
        double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            levels[i] = effective(informative.get(i).threads(), cpus);
            measured[i] = informative.get(i).speedup().value();
            weights[i] = 1 / (measured[i] * measured[i]); // relative residuals
        }
        boolean kappaIdentified = java.util.Arrays.stream(levels).distinct().count() >= 2;
        int parameters = kappaIdentified ? 2 : 1;
        MultivariateJacobianFunction law = point -> {
            double sigma = point.getEntry(0);
            double kappa = kappaIdentified ? point.getEntry(1) : 0;
            RealVector value = new ArrayRealVector(m);
            RealMatrix jacobian = new Array2DRowRealMatrix(m, parameters);
            for (int i = 0; i < m; i++) {
                double n = levels[i];
                double denominator = 1 + sigma * (n - 1) + kappa * n * (n - 1);
                value.setEntry(i, n / denominator);
                jacobian.setEntry(i, 0, -n * (n - 1) / (denominator * denominator));
                if (kappaIdentified) {
                    jacobian.setEntry(i, 1, -n * n * (n - 1) / (denominator * denominator));
                }
            }
            return new Pair<>(value, jacobian);
        };
        // Start near-linear scaling: the usual neighbourhood of real machines.
        double[] start = kappaIdentified ? new double[] {0.01, 0.0001} : new double[] {0.01};
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(law)
                .target(measured)
                .weight(new DiagonalMatrix(weights))
                .start(start)
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build());
        double sigma = optimum.getPoint().getEntry(0);
        double kappa = kappaIdentified ? optimum.getPoint().getEntry(1) : 0;
        int dof = m - parameters;
        Estimate sigmaEstimate = Estimate.withoutInterval(sigma, confidence);
        Estimate kappaEstimate = Estimate.withoutInterval(kappa, confidence);
        if (dof > 0) {
            RealMatrix covariance = optimum.getCovariances(1e-14).scalarMultiply(optimum.getChiSquare() / dof);
            double t = new TDistribution(dof).inverseCumulativeProbability(0.5 + confidence / 2);
            double sigmaHalf = t * Math.sqrt(covariance.getEntry(0, 0));
            sigmaEstimate = new Estimate(sigma, sigma - sigmaHalf, sigma + sigmaHalf, confidence);
            if (kappaIdentified) {
                double kappaHalf = t * Math.sqrt(covariance.getEntry(1, 1));
                kappaEstimate = new Estimate(kappa, kappa - kappaHalf, kappa + kappaHalf, confidence);
            }
        }
        Double peak;
        if (sigma >= 1) {
            peak = 1.0; // C(N) <= 1 for every N: no thread beyond the first adds anything
        } else {
            peak = kappa > 0 ? Double.valueOf(Math.max(1, Math.sqrt((1 - sigma) / kappa))) : null;
            if (cpus != null && (peak == null || peak > cpus)) {
                peak = cpus;
            }
        }
        List<Residual> residuals = speedups.stream().map(p -> {
            double fitted = capacity(effective(p.threads(), cpus), sigma, kappa);
            double observed = p.speedup().value();
            return new Residual(p.threads(), observed, fitted, (fitted - observed) / observed);
        }).toList();
        return new UslFit(sigmaEstimate, kappaEstimate, kappaIdentified, cpus, peak, residuals, dof);
    }

    /** The concurrency the law sees: the threads, or the CPUs when there are more threads than CPUs. */
    static double effective(double threads, Double cpus) {
        return cpus == null ? threads : Math.min(threads, cpus);
    }

    static double capacity(double threads, double sigma, double kappa) {
        return threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
    }
}
