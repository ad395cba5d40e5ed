package io.execbench.harness.stats;

import java.util.Arrays;

/** Small order statistics used by the comparison; pure. */
public final class Stats {

    private Stats() {
    }

    /** The median (mean of the middle two for an even count); NaN for no values. Does not modify {@code values}. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted, sorted.length);
    }

    /** The median of the first {@code n} values of {@code sorted}. */
    static double medianOfSorted(double[] sorted, int n) {
        int middle = n / 2;
        return n % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The {@code q} quantile (0..1) of {@code sorted} by linear interpolation between order statistics (the
     * "type 7" definition most tools use).
     */
    static double quantileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
