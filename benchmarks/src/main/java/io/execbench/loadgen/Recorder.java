package io.execbench.loadgen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Where the generator's thread counts: latencies per route, per interval of completion time and in total; errors by
 * cause; timeouts; and how late the generator itself wrote each request (its send lag, which it charges to the
 * server, so the report must see it stay small). Only measured requests (due after the warm-up) reach it.
 *
 * <p>Single-threaded: only the generator's thread touches it, and {@link LoadGenerator} reads it after joining
 * that thread.
 */
final class Recorder {

    /** Highest latency a histogram tracks: an hour, far beyond any timeout; larger values are clamped. */
    static final long HIGHEST_NS = 3_600_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;
    /** Distinct error causes kept by name; further ones are counted under {@link #OTHER_CAUSES}. */
    static final int MAX_CAUSES = 16;
    static final String OTHER_CAUSES = "other causes";

    private final List<Route> routes;
    private final long measureStartNs;
    private final long intervalNs;
    private final Map<Route, Histogram> totals = new EnumMap<>(Route.class);
    private final List<Map<Route, Histogram>> intervals = new ArrayList<>();
    private final Histogram sendLagNs = histogram();
    private final Map<String, Long> errorCauses = new LinkedHashMap<>();
    private long completed;
    private long errors;
    private long timeouts;
    private long lastCompletionNs;

    Recorder(List<Route> routes, long measureStartNs, long intervalNs) {
        this.routes = List.copyOf(routes);
        this.measureStartNs = measureStartNs;
        this.intervalNs = intervalNs;
        routes.forEach(route -> totals.put(route, histogram()));
        lastCompletionNs = measureStartNs;
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_NS, SIGNIFICANT_DIGITS);
    }

    void completed(Route route, long completionNs, long latencyNs) {
        long value = Math.min(Math.max(latencyNs, 0), HIGHEST_NS);
        totals.get(route).recordValue(value);
        intervalAt(completionNs).get(route).recordValue(value);
        completed++;
        lastCompletionNs = Math.max(lastCompletionNs, completionNs);
    }

    void error(String cause) {
        errors++;
        String key = errorCauses.containsKey(cause) || errorCauses.size() < MAX_CAUSES ? cause : OTHER_CAUSES;
        errorCauses.merge(key, 1L, Long::sum);
    }

    void timeout() {
        timeouts++;
    }

    void sendLag(long lagNs) {
        sendLagNs.recordValue(Math.min(Math.max(lagNs, 0), HIGHEST_NS));
    }

    long completed() {
        return completed;
    }

    long errors() {
        return errors;
    }

    long timeouts() {
        return timeouts;
    }

    long lastCompletionNs() {
        return lastCompletionNs;
    }

    Histogram sendLagNs() {
        return sendLagNs;
    }

    Map<String, Long> errorCauses() {
        return Map.copyOf(errorCauses);
    }

    Map<String, Histogram> totalsByTag() {
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        totals.forEach((route, histogram) -> byTag.put(route.tag(), histogram));
        return byTag;
    }

    /**
     * The intervals from the start of measurement to {@code endNs}, consecutive (an interval where nothing
     * completed has empty histograms: a stalled server shows as a gap, not as a missing line).
     */
    List<Interval> intervals(long startNs, long startEpochMs, long endNs) {
        long spanned = (endNs - measureStartNs + intervalNs - 1) / intervalNs;
        int count = (int) Math.max(Math.max(1, intervals.size()), spanned);
        List<Interval> result = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long fromNs = measureStartNs + k * intervalNs;
            long toNs = Math.min(fromNs + intervalNs, Math.max(endNs, fromNs));
            long fromMs = startEpochMs + (fromNs - startNs) / 1_000_000;
            long toMs = startEpochMs + (toNs - startNs) / 1_000_000;
            Map<String, Histogram> byTag = new LinkedHashMap<>();
            Map<Route, Histogram> recorded = k < intervals.size() ? intervals.get(k) : null;
            for (Route route : routes) {
                Histogram histogram = recorded == null ? histogram() : recorded.get(route);
                histogram.setStartTimeStamp(fromMs);
                histogram.setEndTimeStamp(toMs);
                histogram.setTag(route.tag());
                byTag.put(route.tag(), histogram);
            }
            result.add(new Interval(fromMs, toMs, byTag));
        }
        return result;
    }

    private Map<Route, Histogram> intervalAt(long completionNs) {
        int k = (int) (Math.max(0, completionNs - measureStartNs) / intervalNs);
        while (intervals.size() <= k) {
            Map<Route, Histogram> byRoute = new EnumMap<>(Route.class);
            routes.forEach(route -> byRoute.put(route, histogram()));
            intervals.add(byRoute);
        }
        return intervals.get(k);
    }
}
