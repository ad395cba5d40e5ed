package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.ServerReadings;
import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.Ratio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server experiment's numbers as results of their own, so that tracking, compare and the index follow them like
 * any score (as {@link FloorComparison#trackedResults} does for the C floor): per configuration,
 * {@code io.execbench.server.Load.cheapP99} for every sustainable step (params {@code model} = the label,
 * {@code heavyShare}, {@code offeredPerSec}; {@code us/op}, lower is better; raw data the per-interval p99s) and
 * {@code io.execbench.server.Load.sustainable} per heavy share (params {@code model}, {@code heavyShare};
 * {@code ops/s}, one request one op, higher is better; one value, no interval), and
 * {@code io.execbench.server.Load.heavyCapacity} per configuration with a capacity (params {@code model}; {@code ops/s},
 * higher is better): the capacity as the report gives it ({@link ServerCapacity}: the mean of the steady intervals,
 * with its 99.9% half-width), raw data those intervals, so that compare sees the same repeated values (the first
 * round trip's intervals under-count by construction and would only add noise).
 */
public final class ServerTracking {

    public static final String CHEAP_P99 = "io.execbench.server.Load.cheapP99";
    public static final String SUSTAINABLE = "io.execbench.server.Load.sustainable";
    public static final String HEAVY_CAPACITY = "io.execbench.server.Load.heavyCapacity";

    private ServerTracking() {
    }

    public static List<BenchmarkResult> trackedResults(Run run, int firstIndex) {
        if (run.server().runs().isEmpty()) {
            return List.of();
        }
        ServerExperiment server = ServerExperiment.of(run.server(), ServerReadings.ServerLogs.NONE);
        List<BenchmarkResult> tracked = new ArrayList<>();
        for (ServerExperiment.Config config : server.configs()) {
            for (ServerExperiment.Mix mix : config.mixes()) {
                for (ServerExperiment.Point point : mix.points()) {
                    ServerRun.Route cheap = point.step().cheap();
                    if (!point.sustainable() || cheap == null) {
                        continue;
                    }
                    Ratio.Side side = ServerExperiment.side(cheap);
                    List<List<Double>> raw = cheap.intervalP99Us().isEmpty() ? List.of(List.of(cheap.p99Us()))
                            : List.of(cheap.intervalP99Us());
                    Map<String, String> params = params(config, mix);
                    params.put("offeredPerSec", ServerExperiment.rate(point.step().offeredPerSec()));
                    tracked.add(result(firstIndex + tracked.size(), CHEAP_P99, "avgt", params, new Metric(
                            side.value(), side.halfWidth(), interval(side), "us/op", Map.of(), raw, List.of())));
                }
                if (!Double.isNaN(mix.sustainablePerSec())) {
                    double rate = mix.sustainablePerSec();
                    tracked.add(result(firstIndex + tracked.size(), SUSTAINABLE, "thrpt", params(config, mix),
                            new Metric(rate, Double.NaN, new Metric.Interval(Double.NaN, Double.NaN), "ops/s",
                                    Map.of(), List.of(List.of(rate)), List.of())));
                }
            }
        }
        for (ServerCapacity.Setup setup : server.capacity().setups()) {
            Ratio.Side side = setup.side();
            List<Double> raw = setup.steady().isEmpty() ? List.of(side.value()) : setup.steady();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("model", setup.label());
            tracked.add(result(firstIndex + tracked.size(), HEAVY_CAPACITY, "thrpt", params, new Metric(side.value(),
                    side.halfWidth(), interval(side), "ops/s", Map.of(), List.of(raw), List.of())));
        }
        return tracked;
    }

    private static Map<String, String> params(ServerExperiment.Config config, ServerExperiment.Mix mix) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", config.label());
        params.put("heavyShare", Double.toString(mix.share()));
        return params;
    }

    private static Metric.Interval interval(Ratio.Side side) {
        return Double.isFinite(side.halfWidth())
                ? new Metric.Interval(side.value() - side.halfWidth(), side.value() + side.halfWidth())
                : new Metric.Interval(Double.NaN, Double.NaN);
    }

    private static BenchmarkResult result(int index, String name, String mode, Map<String, String> params,
                                          Metric metric) {
        return new BenchmarkResult(index, name, mode, 1, 1, "", List.of(), "", "", "", "", params, metric, Map.of());
    }
}
