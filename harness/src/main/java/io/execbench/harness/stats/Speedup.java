package io.execbench.harness.stats;

import io.execbench.harness.read.Metric;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Speedup S(n) = X(n) / X(1), parallel efficiency S(n) / n, and effective cores, with intervals. X(n) and X(1) come
 * from different trials; each speedup's interval is {@link Ratio}'s, the one interval method of the harness.
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
        return of(sweep, Metric.SCORE_ERROR_CONFIDENCE);
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
        return sweep.stream()
                .sorted(Comparator.comparingInt(ThroughputPoint::threads))
                .map(p -> {
                    Estimate speedup = p == one ? Estimate.exact(1, confidence)
                            : Ratio.of(side(p), side(one), confidence);
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

    private static Ratio.Side side(ThroughputPoint p) {
        return new Ratio.Side(p.score(), p.scoreError(), p.sampleCount());
    }
}
