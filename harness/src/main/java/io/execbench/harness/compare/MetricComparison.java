package io.execbench.harness.compare;

import io.execbench.harness.stats.Estimate;

/**
 * One metric of one benchmark compared: the score (median of iterations) or a latency percentile.
 *
 * @param metric           {@code score}, {@code p50}, {@code p99}, {@code p99.9}, or {@code score/canary.cpu} or
 *                         {@code score/canary.fp} (the score relative to a machine canary read beside each iteration,
 *                         see {@link CanaryRelative})
 * @param baseline         the baseline's value (median of its iteration scores, or its percentile), in the unit of
 *                         the current run
 * @param current          the current run's value
 * @param baselineSamples  iterations behind the baseline value
 * @param currentSamples   iterations behind the current value
 * @param ratio            current / baseline, with its bootstrap interval
 * @param pValue           the two-sided Mann-Whitney U p-value over the iteration scores; NaN for percentiles
 * @param threshold        the smallest change counted, a fraction: the larger of the minimum effect and the noise floor
 * @param verdict          regressed, improved, unchanged or noisy
 * @param reason           one sentence saying why
 */
public record MetricComparison(String metric, double baseline, double current, int baselineSamples,
                               int currentSamples, Estimate ratio, double pValue, double threshold, Verdict verdict,
                               String reason) {
}
