package io.execbench.harness.chart;

import io.execbench.harness.analyse.ServerExperiment;
import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Marker;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.PercentileCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server section's charts, rendered: the cheap route's latency against offered load (one chart per heavy share),
 * the HDR percentile curves at the shared rate, and the blocking probe. Each configuration keeps its colour in all.
 * Describes and draws; the numbers come from {@link ServerExperiment} unchanged.
 *
 * @param load        one per heavy share, in {@link ServerExperiment#shares()} order
 * @param percentiles the cheap route's percentile curves at the shared rate and 1% heavy, or null without any log
 * @param probe       cheap p99 against heavy share at the shared rate, or null without a shared rate
 */
public record ServerCharts(List<String> load, String percentiles, String probe) {

    public static final ServerCharts NONE = new ServerCharts(List.of(), null, null);

    public ServerCharts {
        load = List.copyOf(load);
    }

    static ServerCharts render(ServerExperiment server) {
        if (server.configs().isEmpty()) {
            return NONE;
        }
        List<String> load = new ArrayList<>();
        for (double share : server.shares()) {
            load.add(XyChartRenderer.render(load(server, share), "server-" + (load.size() + 1), 620, 440));
        }
        XyChart curves = percentiles(server);
        String percentiles = curves.series().isEmpty() ? null
                : XyChartRenderer.render(curves, "server-" + (load.size() + 1), 620, 440);
        String probe = server.shared().present()
                ? XyChartRenderer.render(probe(server), "server-" + (load.size() + 2), 620, 420) : null;
        return new ServerCharts(load, percentiles, probe);
    }

    /** Cheap p99 (solid, points) and p50 (dotted) in ms against the offered rate, log-log; the shared rate marked. */
    static XyChart load(ServerExperiment server, double share) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < server.configs().size(); i++) {
            ServerExperiment.Config config = server.configs().get(i);
            Optional<ServerExperiment.Mix> mix = config.mix(share);
            if (mix.isEmpty()) {
                continue;
            }
            List<Point> p99 = new ArrayList<>();
            List<Point> p50 = new ArrayList<>();
            for (ServerExperiment.Point point : mix.get().points()) {
                ServerRun.Route cheap = point.step().cheap();
                if (cheap != null) {
                    p99.add(Point.of(point.step().offeredPerSec(), cheap.p99Us() / 1000));
                    p50.add(Point.of(point.step().offeredPerSec(), cheap.p50Us() / 1000));
                }
            }
            series.add(new Series(config.label() + " p99", i, Style.POINTS_WITH_INTERVALS, p99));
            series.add(new Series(config.label() + " p50", i, Style.DOTTED, p50));
        }
        List<Marker> markers = server.shared().present()
                ? List.of(new Marker(true, server.shared().perSec(), "shared rate")) : List.of();
        return new XyChart("Cheap requests at " + percent(share) + " heavy: latency against offered load",
                "open-loop, from each request's intended start; solid: p99, dotted: p50; a line's last point is "
                        + "the step past saturation",
                new Axis("offered rate (req/s, log scale)", Scale.LOG),
                new Axis("cheap request latency (ms, log scale)", Scale.LOG), series, markers);
    }

    /** Each configuration's cheap route at the shared rate and 1% heavy, from its interval log, on the nines axis. */
    static XyChart percentiles(ServerExperiment server) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < server.configs().size(); i++) {
            ServerExperiment.Config config = server.configs().get(i);
            Optional<LatencyLog.Tagged> cheap = server.probe(config.label(), ServerExperiment.SHARED_MIX)
                    .filter(p -> p.point() != null).flatMap(p -> server.log(p.point().step()))
                    .flatMap(log -> log.series().stream().filter(t -> t.tag().equals(ServerRun.CHEAP)).findFirst());
            int colour = i;
            cheap.ifPresent(tagged -> series.add(new Series(config.label(), colour, Style.LINE,
                    PercentileCurve.of(tagged.histogram()).stream()
                            .map(p -> Point.of(p.nines(), p.valueNs() / 1e6)).toList())));
        }
        return new XyChart("Cheap requests at " + ServerExperiment.rate(server.shared().perSec())
                + " req/s and 1% heavy: latency by percentile",
                "HdrHistogram interval logs (latency/server-*.hlog), intervals merged; the line ends at the maximum",
                new Axis("percentile", Scale.NINES), new Axis("latency (ms, log scale)", Scale.LOG), series,
                List.of());
    }

    /** The blocking probe: cheap p99 (mean of per-interval p99s, 99.9% whiskers) against the heavy share. */
    static XyChart probe(ServerExperiment server) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < server.configs().size(); i++) {
            ServerExperiment.Config config = server.configs().get(i);
            List<Point> points = server.probes().stream()
                    .filter(p -> p.config() == config && p.cheapP99Us() != null && p.point().sustainable())
                    .map(p -> new Point(p.share() * 100, p.cheapP99Us().value() / 1000, p.cheapP99Us().low() / 1000,
                            p.cheapP99Us().high() / 1000)).toList();
            series.add(new Series(config.label(), i, Style.POINTS_WITH_INTERVALS, points));
        }
        return new XyChart("The blocking probe: cheap p99 at " + ServerExperiment.rate(server.shared().perSec())
                + " req/s as heavy requests grow",
                "mean of the per-interval p99s, whiskers 99.9%; sustainable steps only (the table has every one)",
                new Axis("heavy requests (share of all requests, log scale with 0%)", Scale.SHARE, true),
                new Axis("cheap p99 (ms, log scale)", Scale.LOG), series, List.of());
    }

    private static String percent(double share) {
        return ServerExperiment.share(share);
    }
}
