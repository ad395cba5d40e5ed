package io.execbench.harness.compare;

import io.execbench.harness.analyse.ParamLabel;
import io.execbench.harness.read.BenchmarkResult;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies one benchmark across runs: JMH's method name, the mode and the {@code @Param} values. The unit is
 * not part of it, so that a benchmark whose output unit changed is found and then converted (or reported).
 *
 * @param benchmark JMH's full method name
 * @param mode      JMH's short mode name
 * @param params    {@code @Param} name to value, in name order
 */
public record BenchmarkKey(String benchmark, String mode, Map<String, String> params)
        implements Comparable<BenchmarkKey> {

    public BenchmarkKey {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** The key of one jmh.json element. */
    public static BenchmarkKey of(BenchmarkResult result) {
        return new BenchmarkKey(result.benchmark(), result.mode(), result.params());
    }

    /** The method without its package, e.g. {@code KernelBenchmark.run}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /**
     * One line naming the benchmark everywhere (console, JUnit, Markdown, exports), params kept:
     * {@code KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)}; not escaped.
     */
    public String label() {
        return shortName() + (params.isEmpty() ? "" : " [" + ParamLabel.of(params) + "]") + " (" + mode + ")";
    }

    /** The same with the full method name, for tools that want globally unique names. */
    public String fullLabel() {
        return benchmark + (params.isEmpty() ? "" : " [" + ParamLabel.of(params) + "]") + " (" + mode + ")";
    }

    @Override
    public int compareTo(BenchmarkKey other) {
        return fullLabel().compareTo(other.fullLabel());
    }
}
