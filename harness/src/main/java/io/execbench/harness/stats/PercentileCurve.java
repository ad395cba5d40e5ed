package io.execbench.harness.stats;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A histogram's percentile distribution as points on a "nines" axis: {@code x = log10(1 / (1 - p))}, so 90% sits
 * at 1, 99% at 2, 99.9% at 3. A histogram of {@code n} samples cannot say anything finer than {@code 1/n}, so the
 * curve stops at {@code x = log10(n)}, where it ends with the maximum.
 */
public final class PercentileCurve {

    /** Iteration steps per halving of the distance to 100%: HdrHistogram's usual choice for such plots. */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    /** One point: {@code nines} on the x axis, {@code valueNs} the latency at that percentile. */
    public record Point(double percentile, double nines, long valueNs) {
    }

    private PercentileCurve() {
    }

    /** The curve of {@code histogram}; empty when it holds no sample. */
    public static List<Point> of(AbstractHistogram histogram) {
        long count = histogram.getTotalCount();
        List<Point> points = new ArrayList<>();
        if (count == 0) {
            return points;
        }
        double lastNines = Math.log10(count);
        for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = value.getPercentileLevelIteratedTo();
            double nines = nines(percentile);
            if (nines >= lastNines) {
                break;
            }
            points.add(new Point(percentile, nines, histogram.highestEquivalentValue(value.getValueIteratedTo())));
        }
        points.add(new Point(100 * (1 - 1.0 / count), lastNines, histogram.getMaxValue()));
        return points;
    }

    /** {@code log10(1 / (1 - p))} for a percentile {@code p} in [0, 100); infinite at 100. */
    public static double nines(double percentile) {
        return -Math.log10(1 - percentile / 100);
    }
}
