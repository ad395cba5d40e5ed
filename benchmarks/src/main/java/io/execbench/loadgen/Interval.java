package io.execbench.loadgen;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The latencies of the requests that completed in one interval of the measured run, per route: one line of the
 * {@code .hlog} per route. Each histogram's start and end time stamps are set to the interval's.
 *
 * @param startEpochMs  interval start, wall clock (ms since the epoch)
 * @param endEpochMs    interval end; the last interval ends with the run, so it may be shorter
 * @param byRouteTag    nanosecond latencies per route tag ({@link Route#tag()}), every route the run sent
 */
public record Interval(long startEpochMs, long endEpochMs, Map<String, Histogram> byRouteTag) {

    public Interval {
        byRouteTag = Map.copyOf(byRouteTag);
    }
}
