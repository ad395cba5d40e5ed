package io.execbench.harness.stats;

import io.execbench.harness.stats.IterationHistograms;
import io.execbench.harness.stats.Samples;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for the ratio current / baseline of two medians or two latency percentiles. The
 * generator is seeded from a fixed seed and the benchmark's name, so that the same two runs always give the same
 * intervals, whatever else is compared beside them.
 *
 * <p>Iterations within one fork share that fork's JIT decisions and memory layout, so they are not independent
 * samples of the benchmark. With three or more forks on both sides the resampling is two-level (forks, then
 * iterations within each chosen fork), which carries the fork-to-fork spread into the interval; with fewer forks
 * that cannot be estimated and the iterations are pooled, which is why the noise floor learnt by {@code calibrate}
 * also bounds the threshold.
 */
public final class Bootstrap {

    /** Two-level resampling needs this many forks on both sides to say anything about the spread between forks. */
    static final int MIN_FORKS_FOR_TWO_LEVELS = 3;

    private Bootstrap() {
    }

    /** A generator for one benchmark: the same {@code seed} and {@code name} always give the same draws. */
    public static SplittableRandom random(long seed, String name) {
        return new SplittableRandom(seed ^ (long) name.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** The ratio of the medians of {@code current} and {@code baseline}, with a {@code confidence} interval. */
    public static Estimate ratioOfMedians(Samples baseline, Samples current, int resamples, double confidence,
                                          SplittableRandom random) {
        double[] base = baseline.pooled();
        double[] curr = current.pooled();
        if (base.length == 0 || curr.length == 0) {
            return Estimate.UNKNOWN;
        }
        double ratio = Stats.median(curr) / Stats.median(base);
        boolean twoLevels = baseline.forks().size() >= MIN_FORKS_FOR_TWO_LEVELS
                && current.forks().size() >= MIN_FORKS_FOR_TWO_LEVELS;
        double[] ratios = new double[resamples];
        double[] baseScratch = new double[twoLevels ? maxResampleSize(baseline) : base.length];
        double[] currScratch = new double[twoLevels ? maxResampleSize(current) : curr.length];
        for (int r = 0; r < resamples; r++) {
            double b = twoLevels ? resampledMedian(baseline, baseScratch, random) : resampledMedian(base, baseScratch, random);
            double c = twoLevels ? resampledMedian(current, currScratch, random) : resampledMedian(curr, currScratch, random);
            ratios[r] = c / b;
        }
        return interval(ratio, ratios, confidence);
    }

    /**
     * The ratio of the {@code quantile} (e.g. 0.99) latency of {@code current} to that of {@code baseline}, from the
     * two runs' per-iteration histograms; iterations are resampled whole, since samples within one are correlated.
     */
    public static Estimate ratioOfQuantiles(IterationHistograms baseline, IterationHistograms current,
                                            double quantile, int resamples, double confidence,
                                            SplittableRandom random) {
        if (baseline.iterationCount() == 0 || current.iterationCount() == 0) {
            return Estimate.UNKNOWN;
        }
        double ratio = current.quantile(quantile) / baseline.quantile(quantile);
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            ratios[r] = current.resampledQuantile(quantile, random) / baseline.resampledQuantile(quantile, random);
        }
        return interval(ratio, ratios, confidence);
    }

    private static Estimate interval(double ratio, double[] ratios, double confidence) {
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new Estimate(ratio, Stats.quantileOfSorted(ratios, tail), Stats.quantileOfSorted(ratios, 1 - tail));
    }

    private static double resampledMedian(double[] values, double[] scratch, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            scratch[i] = values[random.nextInt(values.length)];
        }
        Arrays.sort(scratch, 0, values.length);
        return Stats.medianOfSorted(scratch, values.length);
    }

    private static double resampledMedian(Samples samples, double[] scratch, SplittableRandom random) {
        int forkCount = samples.forks().size();
        int n = 0;
        for (int f = 0; f < forkCount; f++) {
            double[] fork = samples.forks().get(random.nextInt(forkCount));
            for (int i = 0; i < fork.length; i++) {
                scratch[n++] = fork[random.nextInt(fork.length)];
            }
        }
        Arrays.sort(scratch, 0, n);
        return Stats.medianOfSorted(scratch, n);
    }

    private static int maxResampleSize(Samples samples) {
        int longest = samples.forks().stream().mapToInt(fork -> fork.length).max().orElse(0);
        return longest * samples.forks().size();
    }
}
