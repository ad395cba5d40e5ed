package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.stats.JmhHistograms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Collects a run's latency distributions into chart-sized groups: each SampleTime benchmark's results, one line per
 * value of its {@code model} or {@code transport} parameter (the other parameters, e.g. {@code payloadBytes}, make
 * separate groups), and each {@code .hlog} file or group of files, one line per tag (a group's files are its forks). A benchmark with neither parameter gets one line
 * per parameter combination. Pure.
 */
public final class LatencyGrouping {

    /** Parameters that name what is being compared, in order of preference. */
    static final List<String> SERIES_PARAMS = List.of("model", "transport");

    private LatencyGrouping() {
    }

    public static List<LatencyGroup> of(List<BenchmarkResult> results, List<LatencyLog> logs) {
        List<LatencyGroup> groups = new ArrayList<>();
        for (ResultGroup group : ResultGrouping.group(results)) {
            if (group.results().stream().anyMatch(r -> JmhHistograms.convertible(r.primaryMetric()))) {
                groups.addAll(split(group));
            }
        }
        for (LatencyLog log : logs) {
            groups.add(new LatencyGroup(log.name(), log.source(), log.series().stream()
                    .map(t -> new LatencyGroup.Series(t.tag(), t.histogram(), t.files().size() > 1 ? t.files()
                            : List.of())).toList()));
        }
        return groups;
    }

    private static List<LatencyGroup> split(ResultGroup group) {
        Map<String, List<LatencyGroup.Series>> byRest = new LinkedHashMap<>();
        for (BenchmarkResult result : group.results()) {
            if (!JmhHistograms.convertible(result.primaryMetric())) {
                continue;
            }
            String seriesParam = SERIES_PARAMS.stream().filter(result.params()::containsKey).findFirst().orElse(null);
            Map<String, String> rest = new LinkedHashMap<>(result.params());
            String label;
            if (seriesParam == null) {
                label = ParamLabel.of(result.params());
                rest.clear();
            } else {
                label = rest.remove(seriesParam);
            }
            String title = rest.isEmpty() ? group.shortName() : group.shortName() + ", " + ParamLabel.of(rest);
            List<Histogram> forks = JmhHistograms.perFork(result.primaryMetric());
            Histogram merged = LatencyLog.newHistogram();
            forks.forEach(merged::add);
            byRest.computeIfAbsent(title, t -> new ArrayList<>()).add(new LatencyGroup.Series(label, merged, forks));
        }
        List<LatencyGroup> out = new ArrayList<>();
        byRest.forEach((title, series) -> out.add(new LatencyGroup(title, "JMH SampleTime", series)));
        return out;
    }
}
