package io.execbench.harness.ipc;

import io.execbench.harness.read.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the IPC round trips out of a run's results ({@code io.execbench.ipc.IpcRoundTripBenchmark.roundTrip},
 * params {@code transport} and {@code payloadBytes}) and fits each transport's cost.
 *
 * <p>The value taken is the SampleTime median ({@code scorePercentiles["50.0"]}), the mean only where JMH wrote no
 * percentiles. On a shared or oversubscribed machine a few round trips wait milliseconds for a CPU; they move the
 * mean by tens of times the cost being fitted, and say nothing about the transport. The median is also what the
 * C reference figures quote (shared/anchors.md); the tail stays visible in the latency charts.
 */
public final class RoundTripPoints {

    /** The benchmark whose results are read, by the end of JMH's full method name. */
    public static final String BENCHMARK = "IpcRoundTripBenchmark.roundTrip";
    /** JMH's key for the median in {@code scorePercentiles}. */
    static final String MEDIAN = "50.0";

    private RoundTripPoints() {
    }

    /**
     * The round trips by transport, in order of first appearance, each sorted by payload size; results of other
     * benchmarks are ignored.
     *
     * @throws IllegalArgumentException for a round-trip result without its params, or in a time unit this does not
     *                                  know (the message names the result's index in jmh.json)
     */
    public static Map<String, List<RoundTripPoint>> byTransport(List<BenchmarkResult> results) {
        Map<String, List<RoundTripPoint>> byTransport = new LinkedHashMap<>();
        for (BenchmarkResult result : results) {
            if (!result.benchmark().endsWith(BENCHMARK)) {
                continue;
            }
            String transport = result.params().get("transport");
            String payload = result.params().get("payloadBytes");
            if (transport == null || payload == null) {
                throw new IllegalArgumentException("jmh.json result " + result.index() + " (" + result.benchmark()
                        + ") lacks the transport or payloadBytes param");
            }
            Double median = result.primaryMetric().scorePercentiles().get(MEDIAN);
            double score = median != null ? median : result.primaryMetric().score();
            double micros = score * microsPer(result.primaryMetric().scoreUnit(), result.index());
            byTransport.computeIfAbsent(transport, t -> new ArrayList<>())
                    .add(new RoundTripPoint(transport, Long.parseLong(payload), micros));
        }
        byTransport.values().forEach(points -> points.sort(Comparator.comparingLong(RoundTripPoint::payloadBytes)));
        return byTransport;
    }

    /** Every transport's fit, in the same order; transports with fewer than two sizes are left out. */
    public static Map<String, CostFit> fit(List<BenchmarkResult> results) {
        Map<String, CostFit> fits = new LinkedHashMap<>();
        byTransport(results).forEach((transport, points) -> {
            if (points.stream().mapToLong(RoundTripPoint::payloadBytes).distinct().count() >= 2) {
                fits.put(transport, CostFit.fit(points));
            }
        });
        return fits;
    }

    private static double microsPer(String unit, int index) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            default -> throw new IllegalArgumentException("jmh.json result " + index + ": round-trip unit '" + unit
                    + "' is not a time per operation");
        };
    }
}
