package io.execbench.harness.analyse;

import org.HdrHistogram.AbstractHistogram;

/**
 * The figures the report's latency tables show, in nanoseconds, exactly as HdrHistogram computes them
 * ({@link AbstractHistogram#getValueAtPercentile}: the highest value equivalent, at the histogram's precision, to
 * the sample at that percentile).
 */
public record LatencySummary(long p50Ns, long p90Ns, long p99Ns, long p999Ns, long maxNs, long count) {

    public static LatencySummary of(AbstractHistogram histogram) {
        return new LatencySummary(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                histogram.getTotalCount());
    }
}
