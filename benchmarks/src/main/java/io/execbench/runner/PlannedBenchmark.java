package io.execbench.runner;

import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;

/**
 * One unit of the run: one benchmark method in one mode with one combination of {@code @Param} values. The runner
 * hands each to JMH on its own, so one failure cannot take others down and results are saved after each.
 *
 * @param benchmark JMH's full method name, e.g. {@code io.execbench.workload.KernelBenchmark.run}
 * @param params    parameter name to value, in declaration order
 */
public record PlannedBenchmark(String benchmark, Mode mode, SequencedMap<String, String> params) {

    /** {@code KernelBenchmark.run kernel=alu workUnits=1000}: class and method without the package. */
    public String shortLabel() {
        String name = benchmark;
        int method = name.lastIndexOf('.');
        int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        String shortName = name.substring(type + 1);
        if (params.isEmpty()) {
            return shortName;
        }
        return shortName + " " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Parameters as an immutable plain map, for JSON. */
    public Map<String, String> paramMap() {
        return Map.copyOf(params);
    }
}
