package io.execbench.loadgen;

import io.execbench.latency.IntervalLog;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes a load run's intervals as an HdrHistogram interval log ({@code .hlog}): per interval, one line per route,
 * tagged {@code cheap} or {@code heavy}, nanosecond values, times relative to the run's start. Through
 * {@link IntervalLog}, so the file is written durably (a whole file or none) like every other latency log of a run;
 * the driver names it, e.g. {@code latency/server-<model>-<mix>@<rate>-<pid>.hlog}.
 */
public final class LoadLog {

    private LoadLog() {
    }

    /**
     * Writes {@code result}'s intervals to {@code file} (replacing it), creating missing folders.
     *
     * @return {@code file}
     * @throws java.io.UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(LoadResult result, Path file) {
        IntervalLog log = IntervalLog.toFile(file, result.startEpochMs());
        for (Interval interval : result.intervals()) {
            for (Map.Entry<String, Histogram> route : interval.byRouteTag().entrySet()) {
                log.add(route.getKey(), route.getValue(), interval.startEpochMs(), interval.endEpochMs());
            }
        }
        return log.write().orElseThrow(() -> new IllegalStateException(file + ": a load result without intervals"));
    }
}
