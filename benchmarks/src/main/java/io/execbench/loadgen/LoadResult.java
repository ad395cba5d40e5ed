package io.execbench.loadgen;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured. Every count and histogram covers the measured requests only (due after the warm-up).
 *
 * <p>Latencies are in nanoseconds: open loop from each request's intended send time (corrected for coordinated
 * omission), closed loop from its actual send. Only successful replies (2xx) are in the histograms: an error or a
 * timeout has no latency and is counted apart, so read percentiles beside {@link #errors} and {@link #timeouts}
 * (a fast 503 must not flatter the p99, and a timed-out request is at least {@code timeoutMs}).
 *
 * @param spec             what was asked
 * @param achievedPerSec   {@code completed} per second of {@code measuredNs}
 * @param completed        measured requests answered with a 2xx status
 * @param errors           measured requests that failed: connect refused, reset, closed unanswered, non-2xx status,
 *                         malformed reply (by cause in {@code errorCauses})
 * @param timeouts         measured requests without a complete reply {@code timeoutMs} after their intended send
 * @param generatorCpuNs   CPU time of the generator's thread over the whole run (set-up, warm-up and drain
 *                         included), or -1 where the JVM cannot measure thread CPU time
 * @param generatorWallNs  wall time of the generator's thread over the same span
 * @param measuredNs       from the end of the warm-up to the later of the end of the schedule and the last reply
 * @param totalsByRoute    latency per route tag ({@code cheap}, and {@code heavy} when heavyShare > 0)
 * @param intervals        the same, per interval of completion time ({@link LoadGenerator#INTERVAL_MS}), consecutive
 * @param sendLagNs        how late the generator wrote each request after its intended time (open loop: charged to
 *                         the server, so a large lag means the generator, not the server, was the bottleneck)
 * @param errorCauses      errors by cause, e.g. {@code "status 503"}, {@code "connect: Connection refused"}
 * @param startEpochMs     wall clock when the schedule started
 * @param pinning          null when not asked or pinned as asked; otherwise why pinning failed (the run went on)
 */
public record LoadResult(LoadSpec spec, double achievedPerSec, long completed, long errors, long timeouts,
                         long generatorCpuNs, long generatorWallNs, long measuredNs,
                         Map<String, Histogram> totalsByRoute, List<Interval> intervals, Histogram sendLagNs,
                         Map<String, Long> errorCauses, long startEpochMs, String pinning) {

    public LoadResult {
        totalsByRoute = Map.copyOf(totalsByRoute);
        intervals = List.copyOf(intervals);
        errorCauses = Map.copyOf(errorCauses);
    }

    /** The latency histogram of one route tag ({@code cheap} or {@code heavy}). */
    public Histogram route(String tag) {
        Histogram histogram = totalsByRoute.get(tag);
        if (histogram == null) {
            throw new IllegalArgumentException("route '" + tag + "' was not sent in this run; routes: "
                    + totalsByRoute.keySet());
        }
        return histogram;
    }

    /** All routes in one histogram (a copy). */
    public Histogram total() {
        Histogram all = Recorder.histogram();
        totalsByRoute.values().forEach(all::add);
        return all;
    }

    /** The latency at {@code percentile} (0-100) of one route, in nanoseconds; 0 when nothing completed. */
    public long percentileNs(String tag, double percentile) {
        return route(tag).getValueAtPercentile(percentile);
    }

    /** As {@link #percentileNs}, in milliseconds. */
    public double percentileMs(String tag, double percentile) {
        return percentileNs(tag, percentile) / 1e6;
    }

    /** Mean latency of one route in milliseconds; NaN when nothing completed. */
    public double meanMs(String tag) {
        Histogram histogram = route(tag);
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1e6;
    }

    /** The generator's CPU use as a share of one CPU while it ran (1.0: one CPU busy); NaN when unknown. */
    public double generatorCpuShare() {
        return generatorCpuNs < 0 || generatorWallNs <= 0 ? Double.NaN : (double) generatorCpuNs / generatorWallNs;
    }

    /** Measured requests that got an answer, an error or a timeout. */
    public long accounted() {
        return completed + errors + timeouts;
    }
}
