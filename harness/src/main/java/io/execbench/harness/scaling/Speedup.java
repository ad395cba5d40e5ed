package io.execbench.harness.scaling;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Speedup S(n) = X(n) / X(1), parallel efficiency S(n) / n, and effective cores, with intervals.
 *
 * <p>Interval method (delta method on the log of the ratio): each JMH half-width is turned back into a standard
 * error of the mean, {@code se = scoreError / t(0.9995, samples - 1)}. X(n) and X(1) come from different trials, so
 * they are independent and {@code Var(ln S) ~ (se_n / X_n)^2 + (se_1 / X_1)^2}. The interval is
 * {@code S * exp(+-z * sqrt(Var))} with z the normal quantile of the requested confidence: asymmetric like the ratio
 * itself, and never negative. The normal z is an approximation; with very few samples per point the interval is
 * somewhat too narrow.
 */
public final class Speedup {

    /** One thread count's speedup and efficiency. */
    public record Point(int threads, Estimate speedup, Estimate efficiency) {
    }

    private Speedup() {
    }

    /**
     * Speedups of one sweep (one kernel, one placement), ordered by threads, at JMH's 99.9% confidence.
     *
     * @throws IllegalArgumentException when the sweep has no threads=1 point or two points with one thread count
     */
    public static List<Point> of(List<ThroughputPoint> sweep) {
        return of(sweep, ThroughputPoint.JMH_CONFIDENCE);
    }

    /** As {@link #of(List)}, with intervals at {@code confidence}. */
    public static List<Point> of(List<ThroughputPoint> sweep, double confidence) {
        if (sweep.stream().map(ThroughputPoint::threads).distinct().count() != sweep.size()) {
            throw new IllegalArgumentException("a sweep has one point per thread count, got threads "
                    + sweep.stream().map(ThroughputPoint::threads).toList());
        }
        ThroughputPoint one = sweep.stream().filter(p -> p.threads() == 1).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("speedup needs the threads=1 point, got threads "
                        + sweep.stream().map(ThroughputPoint::threads).toList()));
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + confidence / 2);
        double relVarOne = relativeVariance(one);
        return sweep.stream()
                .sorted(Comparator.comparingInt(ThroughputPoint::threads))
                .map(p -> {
                    double s = p.score() / one.score();
                    Estimate speedup;
                    if (p == one) {
                        speedup = Estimate.exact(1, confidence);
                    } else {
                        double spread = z * Math.sqrt(relativeVariance(p) + relVarOne);
                        speedup = Double.isNaN(spread) ? Estimate.withoutInterval(s, confidence)
                                : new Estimate(s, s * Math.exp(-spread), s * Math.exp(spread), confidence);
                    }
                    return new Point(p.threads(), speedup, speedup.dividedBy(p.threads()));
                })
                .toList();
    }

    /**
     * Effective cores: the highest speedup of the sweep, with that point's interval. Being the maximum of noisy
     * estimates it leans high by up to the interval's half-width; read it with its interval.
     */
    public static Estimate effectiveCores(List<Point> speedups) {
        return speedups.stream().map(Point::speedup).max(Comparator.comparingDouble(Estimate::value))
                .orElseThrow(() -> new IllegalArgumentException("no speedups"));
    }

    /** The point at {@code threads}, if the sweep measured it. */
    public static Optional<Point> at(List<Point> speedups, int threads) {
        return speedups.stream().filter(p -> p.threads() == threads).findFirst();
    }

    /** {@code (se / mean)^2} from JMH's 99.9% half-width; NaN when it cannot be known. */
    static double relativeVariance(ThroughputPoint p) {
        if (p.sampleCount() < 2 || Double.isNaN(p.scoreError())) {
            return Double.NaN;
        }
        double t = new TDistribution(p.sampleCount() - 1)
                .inverseCumulativeProbability(0.5 + ThroughputPoint.JMH_CONFIDENCE / 2);
        double relativeSe = p.scoreError() / t / p.score();
        return relativeSe * relativeSe;
    }
}
