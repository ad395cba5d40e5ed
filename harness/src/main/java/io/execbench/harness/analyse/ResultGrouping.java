package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a run's results for display: by benchmark method (name order), then mode (JMH's order: throughput,
 * average time, sample time, single shot), then unit; inside a group, by {@code @Param} combination in
 * {@link ParamOrder}. Pure: the same results always give the same groups in the same order.
 */
public final class ResultGrouping {

    private static final List<String> MODE_ORDER = List.of("thrpt", "avgt", "sample", "ss");

    private static final Comparator<BenchmarkResult> ORDER = Comparator
            .comparing(BenchmarkResult::benchmark)
            .thenComparing(BenchmarkResult::mode, ResultGrouping::compareModes)
            .thenComparing(result -> result.primaryMetric().scoreUnit())
            .thenComparing(BenchmarkResult::params, ParamOrder.INSTANCE)
            .thenComparingInt(BenchmarkResult::index);

    private ResultGrouping() {
    }

    /** The groups of {@code results}, in display order. */
    public static List<ResultGroup> group(List<BenchmarkResult> results) {
        List<BenchmarkResult> sorted = new ArrayList<>(results);
        sorted.sort(ORDER);
        Map<List<String>, List<BenchmarkResult>> groups = new LinkedHashMap<>();
        for (BenchmarkResult result : sorted) {
            List<String> key = List.of(result.benchmark(), result.mode(), result.primaryMetric().scoreUnit());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
        }
        return groups.entrySet().stream()
                .map(e -> new ResultGroup(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
                .toList();
    }

    /** Known modes in JMH's order, then any other mode by name. */
    static int compareModes(String a, String b) {
        int x = MODE_ORDER.indexOf(a);
        int y = MODE_ORDER.indexOf(b);
        if (x >= 0 && y >= 0) {
            return Integer.compare(x, y);
        }
        if (x >= 0 || y >= 0) {
            return x >= 0 ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
