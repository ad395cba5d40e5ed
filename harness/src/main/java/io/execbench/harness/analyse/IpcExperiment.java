package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.stats.CostFit;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPC measurements of a run: every benchmark with {@code transport} and {@code payloadBytes} parameters, one
 * curve per benchmark, transport and combination of the other parameters. A time score (SampleTime, average time)
 * is a round trip; a throughput score counts messages, so {@code messages/s x payloadBytes} is its bytes per
 * second and {@code 1 / (messages/s)} its time per message. Each curve gets a fixed + per-byte {@link CostFit} of
 * its time per message.
 *
 * @param curves one per benchmark, transport and other parameters, in display order
 */
public record IpcExperiment(List<Curve> curves) {

    public IpcExperiment {
        curves = List.copyOf(curves);
    }

    /** What a curve measures. */
    public enum Kind { ROUND_TRIP, THROUGHPUT }

    /**
     * @param benchmark  the benchmark's short name
     * @param transport  the {@code transport} parameter
     * @param fixed      the other parameters as a label, or empty
     * @param kind       round-trip time or throughput
     * @param points     one per payload size, ascending
     * @param fit        the fixed + per-byte fit of the time per message, empty when it cannot be made
     */
    public record Curve(String benchmark, String transport, String fixed, Kind kind, List<Point> points,
                        Optional<CostFit> fit) {
    }

    /**
     * @param payloadBytes   the payload
     * @param timeNs         time per message (a round trip, or one message of a stream), ns, JMH's interval
     * @param bytesPerSecond throughput (payload x messages per second), only for throughput curves, else null
     */
    public record Point(long payloadBytes, Estimate timeNs, Estimate bytesPerSecond) {
    }

    public boolean isEmpty() {
        return curves.isEmpty();
    }

    /** The curves drawn together: one list per benchmark, other parameters and kind, in display order. */
    public List<List<Curve>> charts() {
        Map<List<Object>, List<Curve>> byChart = new LinkedHashMap<>();
        for (Curve curve : curves) {
            byChart.computeIfAbsent(List.of(curve.benchmark(), curve.fixed(), curve.kind()), k -> new ArrayList<>())
                    .add(curve);
        }
        return List.copyOf(byChart.values());
    }

    public static IpcExperiment of(List<BenchmarkResult> results) {
        List<Curve> curves = new ArrayList<>();
        for (ResultGroup group : ResultGrouping.group(results)) {
            Map<List<String>, List<Point>> byCurve = new LinkedHashMap<>();
            Kind kind = group.mode().equals("thrpt") ? Kind.THROUGHPUT : Kind.ROUND_TRIP;
            for (BenchmarkResult result : group.results()) {
                Long bytes = Scores.positiveLong(result.params(), "payloadBytes");
                String transport = result.params().get("transport");
                Point point = bytes == null || transport == null ? null : point(kind, bytes, result);
                if (point != null) {
                    String fixed = ParamLabel.of(Scores.without(result.params(), "transport", "payloadBytes"));
                    byCurve.computeIfAbsent(List.of(transport, fixed), k -> new ArrayList<>()).add(point);
                }
            }
            byCurve.forEach((key, points) -> {
                List<Point> sorted = points.stream().sorted(Comparator.comparingLong(Point::payloadBytes)).toList();
                String fixed = key.get(1).equals(ParamLabel.NO_PARAMS) ? "" : key.get(1);
                curves.add(new Curve(group.shortName(), key.get(0), fixed, kind, sorted, fit(sorted)));
            });
        }
        return new IpcExperiment(curves);
    }

    private static Optional<CostFit> fit(List<Point> points) {
        List<CostFit.Sample> samples = points.stream()
                .map(p -> new CostFit.Sample(p.payloadBytes(), p.timeNs().value())).toList();
        try {
            return Optional.of(CostFit.fit(samples));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // one payload size, or a zero time: nothing to fit
        }
    }

    private static Point point(Kind kind, long bytes, BenchmarkResult result) {
        String unit = result.primaryMetric().scoreUnit();
        if (!(result.primaryMetric().score() > 0)) {
            return null;
        }
        if (kind == Kind.ROUND_TRIP) {
            var nanos = Units.nanosPer(unit);
            return nanos.isEmpty() ? null
                    : new Point(bytes, Scores.estimate(result.primaryMetric(), nanos.getAsDouble()), null);
        }
        var seconds = Units.secondsPerDenominator(unit);
        if (seconds.isEmpty()) {
            return null;
        }
        Estimate perSecond = Scores.estimate(result.primaryMetric(), 1 / seconds.getAsDouble());
        Estimate time = perSecond.hasInterval() && perSecond.low() > 0
                ? new Estimate(1e9 / perSecond.value(), 1e9 / perSecond.high(), 1e9 / perSecond.low(),
                        perSecond.confidence())
                : new Estimate(1e9 / perSecond.value(), Double.NaN, Double.NaN, perSecond.confidence());
        Estimate bytesPerSecond = new Estimate(perSecond.value() * bytes, perSecond.low() * bytes,
                perSecond.high() * bytes, perSecond.confidence());
        return new Point(bytes, time, bytesPerSecond);
    }
}
