package io.execbench.harness.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of jmh.json: one benchmark method, in one mode, with one combination of {@code @Param} values.
 * Fields mirror JMH's JSON result format; those JMH always writes but another tool might omit read as
 * {@code "unknown"} (text) or {@code 0} (counts).
 *
 * @param index            1-based position in jmh.json, for messages that point back at the file
 * @param benchmark        JMH's full method name, e.g. {@code io.execbench.cpu.PoolBenchmark.submit}
 * @param mode             JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param threads          worker threads per fork
 * @param forks            forks requested
 * @param jvm              path of the forked JVM's launcher
 * @param jvmArgs          the forked JVM's arguments
 * @param params           {@code @Param} name to value, in file order; empty for a benchmark without params
 * @param secondaryMetrics metric name (e.g. {@code gc.alloc.rate}, {@code p0.99}) to metric, in file order
 */
public record BenchmarkResult(int index, String benchmark, String mode, int threads, int forks, String jvm,
                              List<String> jvmArgs, String jdkVersion, String vmName, String vmVersion,
                              String jmhVersion, Map<String, String> params, Metric primaryMetric,
                              Map<String, Metric> secondaryMetrics) {

    public BenchmarkResult {
        jvmArgs = List.copyOf(jvmArgs);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondaryMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(secondaryMetrics));
    }
}
