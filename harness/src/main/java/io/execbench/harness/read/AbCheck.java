package io.execbench.harness.read;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code server/ab.json} (results contract, schema 1; read by {@link ServerLogReader}): Apache Bench's
 * {@code ab -n <requests> -c <concurrency>} against one server configuration, beside the project's own closed-loop
 * run with the same connections and its open-loop run at ab's throughput. When ab was not on the machine only
 * {@code available} and {@code reason} are set.
 *
 * @param percentilesMs in each, percentile (as written, e.g. {@code "99.9"}) to milliseconds, ascending by percentile
 */
public record AbCheck(Path file, boolean available, String reason, String label, long requests, int concurrency,
                      Ab ab, ClosedLoop closedLoop, OpenLoop openLoop, Ab noKeepAlive, Heavy heavy) {

    /** A check without the optional parts (ab without keep-alive, the heavy route). */
    public AbCheck(Path file, boolean available, String reason, String label, long requests, int concurrency,
                   Ab ab, ClosedLoop closedLoop, OpenLoop openLoop) {
        this(file, available, reason, label, requests, concurrency, ab, closedLoop, openLoop, null, null);
    }

    /** The keep-alive comparison on the heavy route, where the server sets the pace: {@code requests} of them. */
    public record Heavy(long requests, Ab ab, ClosedLoop closedLoop) {
    }

    /** ab's own figures: its "Requests per second", "Time per request" (mean, and mean across all), failures. */
    public record Ab(double requestsPerSec, double meanMs, double meanAcrossMs, long failed, long non2xx,
                     Map<String, Double> percentilesMs) {
        public Ab {
            percentilesMs = Collections.unmodifiableMap(new LinkedHashMap<>(percentilesMs));
        }
    }

    /** The project's closed-loop generator with ab's concurrency. */
    public record ClosedLoop(double requestsPerSec, double meanMs) {
    }

    /** The project's open-loop generator offered ab's throughput. */
    public record OpenLoop(double offeredPerSec, double achievedPerSec, Map<String, Double> percentilesMs) {
        public OpenLoop {
            percentilesMs = Collections.unmodifiableMap(new LinkedHashMap<>(percentilesMs));
        }
    }
}
