package io.execbench.harness.compare;

import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Metric.HistogramBin;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A SampleTime benchmark's latency samples as JMH keeps them: one histogram per measurement iteration (forks
 * pooled), over one sorted grid of the distinct values, so that a resample of whole iterations is a sum of sparse
 * count vectors rather than a sort.
 */
public final class IterationHistograms {

    private final double[] values;
    private final List<int[]> binIndexes;
    private final List<long[]> binCounts;

    private IterationHistograms(double[] values, List<int[]> binIndexes, List<long[]> binCounts) {
        this.values = values;
        this.binIndexes = binIndexes;
        this.binCounts = binCounts;
    }

    /** The histograms of {@code metric} (empty unless SampleTime), values multiplied by {@code unitFactor}. */
    public static IterationHistograms of(Metric metric, double unitFactor) {
        TreeSet<Double> distinct = new TreeSet<>();
        List<List<HistogramBin>> iterations = new ArrayList<>();
        for (List<List<HistogramBin>> fork : metric.rawDataHistogram()) {
            for (List<HistogramBin> iteration : fork) {
                if (iteration.stream().anyMatch(bin -> bin.count() > 0)) {
                    iterations.add(iteration);
                    iteration.forEach(bin -> distinct.add(bin.value()));
                }
            }
        }
        double[] grid = distinct.stream().mapToDouble(Double::doubleValue).toArray();
        List<int[]> indexes = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (List<HistogramBin> iteration : iterations) {
            indexes.add(iteration.stream().mapToInt(bin -> java.util.Arrays.binarySearch(grid, bin.value())).toArray());
            counts.add(iteration.stream().mapToLong(HistogramBin::count).toArray());
        }
        for (int i = 0; i < grid.length; i++) {
            grid[i] *= unitFactor;
        }
        return new IterationHistograms(grid, indexes, counts);
    }

    /** How many iterations recorded samples. */
    public int iterationCount() {
        return binIndexes.size();
    }

    /** The {@code q} quantile (0..1) of all samples of all iterations, as the smallest value with that rank. */
    public double quantile(double q) {
        long[] totals = new long[values.length];
        for (int i = 0; i < binIndexes.size(); i++) {
            add(totals, i, 1);
        }
        return quantile(totals, q);
    }

    /** The same quantile over iterations drawn with replacement. */
    double resampledQuantile(double q, SplittableRandom random) {
        long[] totals = new long[values.length];
        for (int i = 0; i < binIndexes.size(); i++) {
            add(totals, random.nextInt(binIndexes.size()), 1);
        }
        return quantile(totals, q);
    }

    private void add(long[] totals, int iteration, long times) {
        int[] indexes = binIndexes.get(iteration);
        long[] counts = binCounts.get(iteration);
        for (int b = 0; b < indexes.length; b++) {
            totals[indexes[b]] += counts[b] * times;
        }
    }

    private double quantile(long[] totals, double q) {
        long all = 0;
        for (long count : totals) {
            all += count;
        }
        if (all == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * all)); // the nearest-rank definition, as HdrHistogram uses
        long seen = 0;
        for (int i = 0; i < totals.length; i++) {
            seen += totals[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
