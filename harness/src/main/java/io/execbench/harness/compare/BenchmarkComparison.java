package io.execbench.harness.compare;

import io.execbench.harness.stats.Direction;
import java.util.List;

/**
 * The verdict on one benchmark (method, mode, {@code @Param} combination) against the baseline.
 *
 * @param key       which benchmark
 * @param unit      the current run's unit (the baseline is converted to it), or the baseline's when missing here
 * @param direction which way is better
 * @param verdict   the benchmark's verdict
 * @param reason    one sentence saying why
 * @param metrics   the score, then for SampleTime p50, p99, p99.9, then the score relative to one canary
 *                  ({@code score/canary.cpu} or {@code score/canary.fp}, see {@link CanaryRelative#choose}) where both
 *                  runs read it beside every iteration; empty when not compared
 */
public record BenchmarkComparison(BenchmarkKey key, String unit, Direction direction, Verdict verdict, String reason,
                                  List<MetricComparison> metrics) {

    public BenchmarkComparison {
        metrics = List.copyOf(metrics);
    }
}
