package io.execbench.harness.stats;

/**
 * One configuration of a scaling sweep as JMH scored it: throughput at a thread count.
 *
 * @param threads     worker threads
 * @param score       mean throughput (any unit, the same for every point of a sweep)
 * @param scoreError  JMH's {@code scoreError}: the half-width of its 99.9% confidence interval of the mean,
 *                    {@code t(0.9995, n-1) * sd / sqrt(n)}; {@code NaN} when JMH had one sample
 * @param sampleCount the measurement iterations behind the mean, over all forks ({@code rawData} entries)
 */
public record ThroughputPoint(int threads, double score, double scoreError, int sampleCount) {

    public ThroughputPoint {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (!(score > 0)) {
            throw new IllegalArgumentException("throughput at " + threads + " threads must be positive, was " + score);
        }
    }
}
