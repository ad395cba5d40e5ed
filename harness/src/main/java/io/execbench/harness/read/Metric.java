package io.execbench.harness.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH metric (the {@code primaryMetric} or an entry of {@code secondaryMetrics} in jmh.json).
 * JMH writes {@code "NaN"} where it has no estimate (e.g. an error from fewer than three iterations); those read as
 * {@link Double#NaN}.
 *
 * @param score             the mean (or, for SampleTime, the mean of all samples)
 * @param scoreError        half-width of JMH's 99.9% confidence interval
 * @param scoreConfidence   JMH's 99.9% confidence interval, {@code [score - error, score + error]}
 * @param scoreUnit         e.g. {@code ops/ms}, {@code ns/op}
 * @param scorePercentiles  percentile (as JMH spells it, e.g. {@code "99.9"}) to value, in file order
 * @param rawData           per fork, per measurement iteration, the iteration's score; empty for SampleTime
 * @param rawDataHistogram  SampleTime only: per fork, per iteration, the sampled values as histogram bins
 */
public record Metric(double score, double scoreError, Interval scoreConfidence, String scoreUnit,
                     Map<String, Double> scorePercentiles, List<List<Double>> rawData,
                     List<List<List<HistogramBin>>> rawDataHistogram) {

    /** The confidence level of {@code scoreError} and {@code scoreConfidence}: JMH's 99.9%. */
    public static final double SCORE_ERROR_CONFIDENCE = 0.999;

    public Metric {
        scorePercentiles = Collections.unmodifiableMap(new LinkedHashMap<>(scorePercentiles));
        rawData = rawData.stream().map(List::copyOf).toList();
        rawDataHistogram = rawDataHistogram.stream()
                .map(fork -> fork.stream().map(List::copyOf).toList())
                .toList();
    }

    /**
     * How many measurements the score rests on, as JMH's console {@code Cnt} column counts them: iterations over
     * all forks, or for SampleTime the number of samples.
     */
    public long sampleCount() {
        if (!rawDataHistogram.isEmpty()) {
            return rawDataHistogram.stream().flatMap(List::stream).flatMap(List::stream)
                    .mapToLong(HistogramBin::count).sum();
        }
        return rawData.stream().mapToLong(List::size).sum();
    }

    /** How many forks produced data. */
    public int forkCount() {
        return Math.max(rawData.size(), rawDataHistogram.size());
    }

    /** A closed interval; both ends NaN when JMH had no estimate. */
    public record Interval(double low, double high) {
    }

    /** {@code count} samples took {@code value} (in the metric's unit), as one JMH histogram entry. */
    public record HistogramBin(double value, long count) {
    }
}
