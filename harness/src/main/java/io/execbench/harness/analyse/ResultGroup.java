package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import java.util.List;

/**
 * The results of one benchmark method in one mode and unit, one per {@code @Param} combination, in
 * {@link ParamOrder} order: what one chart and one table show. Modes are kept apart because their scores are not
 * on one scale (throughput in ops/ms against average time in ns/op).
 *
 * @param benchmark JMH's full method name
 * @param mode      JMH's short mode name
 * @param unit      the score unit shared by every result
 * @param results   one per parameter combination, sorted
 */
public record ResultGroup(String benchmark, String mode, String unit, List<BenchmarkResult> results) {

    public ResultGroup {
        results = List.copyOf(results);
    }

    /** The method name without its package, e.g. {@code PoolBenchmark.submit}: short enough for a chart title. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }
}
