package io.execbench.harness.stats;

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
    private final int[] forkOf;

    private IterationHistograms(double[] values, List<int[]> binIndexes, List<long[]> binCounts, int[] forkOf) {
        this.values = values;
        this.binIndexes = binIndexes;
        this.binCounts = binCounts;
        this.forkOf = forkOf;
    }

    /** The histograms of {@code metric} (empty unless SampleTime), values multiplied by {@code unitFactor}. */
    public static IterationHistograms of(Metric metric, double unitFactor) {
        TreeSet<Double> distinct = new TreeSet<>();
        List<List<HistogramBin>> iterations = new ArrayList<>();
        List<Integer> forks = new ArrayList<>();
        int forkIndex = 0;
        for (List<List<HistogramBin>> fork : metric.rawDataHistogram()) {
            for (List<HistogramBin> iteration : fork) {
                if (iteration.stream().anyMatch(bin -> bin.count() > 0)) {
                    iterations.add(iteration);
                    forks.add(forkIndex);
                    iteration.forEach(bin -> distinct.add(bin.value()));
                }
            }
            forkIndex++;
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
        return new IterationHistograms(grid, indexes, counts, forks.stream().mapToInt(Integer::intValue).toArray());
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

    /**
     * How far apart this run's forks are at quantile {@code q}: {@code max / min - 1} of each fork's quantile over its
     * own iterations; 0 with one fork. The percentile counterpart of {@link Samples#forkSpread()}.
     */
    public double forkSpread(double q) {
        int forks = java.util.Arrays.stream(forkOf).max().orElse(-1) + 1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int measured = 0;
        for (int f = 0; f < forks; f++) {
            long[] totals = new long[values.length];
            boolean any = false;
            for (int i = 0; i < binIndexes.size(); i++) {
                if (forkOf[i] == f) {
                    add(totals, i, 1);
                    any = true;
                }
            }
            if (any) {
                double value = quantile(totals, q);
                min = Math.min(min, value);
                max = Math.max(max, value);
                measured++;
            }
        }
        return measured < 2 || !(min > 0) ? 0 : max / min - 1;
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
