package io.execbench.loadgen;

import java.net.InetAddress;
import java.util.List;

/**
 * One load run: where to send, how much, for how long, and how to count.
 *
 * <p>Open loop ({@code openLoop = true}, what the experiment measures): request {@code i} is due at
 * {@code start + i / ratePerSec}, on connection {@code i % connections} (so each connection carries
 * {@code ratePerSec / connections}, phase-shifted by {@code 1 / ratePerSec} from its neighbour), and its latency counts
 * from that intended time, whatever the server did to earlier requests. Closed loop ({@code openLoop = false}, for
 * the ApacheBench cross-check): each connection sends its next request as soon as the previous reply arrived,
 * {@code ratePerSec} is ignored, and latency counts from the actual send (the way ab and most tools count).
 *
 * <p>Requests whose intended (open) or actual (closed) send time falls in the first {@code warmupMs} are sent but not
 * counted anywhere. Then the run lasts {@code durationMs}, or until {@code maxRequests} measured requests were sent
 * (0: no such bound), whichever comes first; replies still outstanding are awaited up to {@code timeoutMs}, so a run
 * ends within {@code warmupMs + durationMs + timeoutMs} (plus connection set-up, itself bounded by the timeout).
 *
 * <p>The mix: each request, in order, is {@code /heavy} when the next draw of a {@link java.util.SplittableRandom}
 * seeded with {@code seed} is below {@code heavyShare}, else {@code /cheap}; the same seed sends the same sequence.
 *
 * @param host        an IP literal of this machine's loopback ({@code 127.0.0.1}, {@code ::1}) or {@code localhost}:
 *                    a load test aimed elsewhere is refused
 * @param port        the server's port
 * @param ratePerSec  offered requests per second (open loop; ignored by the closed loop)
 * @param connections keep-alive connections, opened before the schedule starts ({@link #DEFAULT_CONNECTIONS} as
 *                    {@code ab -c20})
 * @param warmupMs    sent and discarded before measuring
 * @param durationMs  measured part of the schedule
 * @param heavyShare  fraction of requests to {@code /heavy}, in [0, 1]
 * @param timeoutMs   a request with no complete reply this long after its intended send time is a timeout
 * @param openLoop    constant rate, latency from the intended time; false: closed loop
 * @param seed        seeds the route mix
 * @param cpus        CPUs to pin the generator's thread to (empty: not pinned; a refusal is reported, not fatal)
 * @param maxRequests bound on measured requests sent (0: only the duration bounds the run)
 */
public record LoadSpec(String host, int port, double ratePerSec, int connections, long warmupMs, long durationMs,
                       double heavyShare, long timeoutMs, boolean openLoop, long seed, List<Integer> cpus,
                       long maxRequests) {

    /** As {@code ab -c20}. */
    public static final int DEFAULT_CONNECTIONS = 20;
    /** A default per-request timeout. */
    public static final long DEFAULT_TIMEOUT_MS = 2_000;
    static final int MAX_CONNECTIONS = 10_000;
    /** The schedule is indexed by int-sized counts; no run here comes near. */
    static final long MAX_SCHEDULED = Integer.MAX_VALUE;

    public LoadSpec {
        requireLoopback(host);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
        if (openLoop && !(ratePerSec > 0 && Double.isFinite(ratePerSec))) {
            throw new IllegalArgumentException("an open-loop rate must be a positive number of requests per second,"
                    + " not " + ratePerSec);
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("connections " + connections + " is not in 1.." + MAX_CONNECTIONS);
        }
        if (warmupMs < 0 || durationMs <= 0 || timeoutMs <= 0 || maxRequests < 0) {
            throw new IllegalArgumentException("warmupMs (" + warmupMs + ") and maxRequests (" + maxRequests
                    + ") must be >= 0, durationMs (" + durationMs + ") and timeoutMs (" + timeoutMs + ") > 0");
        }
        if (!(heavyShare >= 0 && heavyShare <= 1)) {
            throw new IllegalArgumentException("heavyShare " + heavyShare + " is not in [0, 1]");
        }
        if (openLoop && (warmupMs + durationMs) / 1000.0 * ratePerSec > MAX_SCHEDULED) {
            throw new IllegalArgumentException("rate " + ratePerSec + "/s for " + (warmupMs + durationMs)
                    + " ms schedules more than " + MAX_SCHEDULED + " requests");
        }
        cpus = List.copyOf(cpus); // also refuses null elements
        if (cpus.stream().anyMatch(cpu -> cpu < 0)) {
            throw new IllegalArgumentException("CPU ids must be >= 0: " + cpus);
        }
    }

    /**
     * An open-loop run of {@code durationMs} at {@code ratePerSec} on {@code 127.0.0.1:port}: 20 connections, no
     * warm-up, only {@code /cheap}, a 2 s timeout, seed 1, not pinned, no request bound.
     */
    public static LoadSpec openLoop(int port, double ratePerSec, long durationMs) {
        return new LoadSpec("127.0.0.1", port, ratePerSec, DEFAULT_CONNECTIONS, 0, durationMs, 0,
                DEFAULT_TIMEOUT_MS, true, 1, List.of(), 0);
    }

    /** This run in closed loop: same connections, durations, mix and bounds; the rate is ignored. */
    public LoadSpec closedLoop() {
        return new LoadSpec(host, port, ratePerSec, connections, warmupMs, durationMs, heavyShare, timeoutMs, false,
                seed, cpus, maxRequests);
    }

    public LoadSpec withConnections(int count) {
        return new LoadSpec(host, port, ratePerSec, count, warmupMs, durationMs, heavyShare, timeoutMs, openLoop,
                seed, cpus, maxRequests);
    }

    public LoadSpec withWarmupMs(long ms) {
        return new LoadSpec(host, port, ratePerSec, connections, ms, durationMs, heavyShare, timeoutMs, openLoop,
                seed, cpus, maxRequests);
    }

    public LoadSpec withHeavyShare(double share) {
        return new LoadSpec(host, port, ratePerSec, connections, warmupMs, durationMs, share, timeoutMs, openLoop,
                seed, cpus, maxRequests);
    }

    public LoadSpec withTimeoutMs(long ms) {
        return new LoadSpec(host, port, ratePerSec, connections, warmupMs, durationMs, heavyShare, ms, openLoop,
                seed, cpus, maxRequests);
    }

    public LoadSpec withMaxRequests(long count) {
        return new LoadSpec(host, port, ratePerSec, connections, warmupMs, durationMs, heavyShare, timeoutMs,
                openLoop, seed, cpus, count);
    }

    public LoadSpec withCpus(List<Integer> pinTo) {
        return new LoadSpec(host, port, ratePerSec, connections, warmupMs, durationMs, heavyShare, timeoutMs,
                openLoop, seed, pinTo, maxRequests);
    }

    /** The address to connect to; the host was checked to be a loopback literal (or localhost), so no lookup. */
    InetAddress address() {
        return "localhost".equalsIgnoreCase(host) ? InetAddress.getLoopbackAddress() : InetAddress.ofLiteral(host);
    }

    private static void requireLoopback(String host) {
        if (host == null) {
            throw new IllegalArgumentException("host is null; the load generator targets only this machine's"
                    + " loopback (127.0.0.1)");
        }
        boolean loopback;
        try {
            // ofLiteral never asks DNS: a name other than localhost is refused, not resolved.
            loopback = "localhost".equalsIgnoreCase(host) || InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("host '" + host + "' is not a loopback address: the load generator"
                    + " targets only this machine (127.0.0.1, ::1 or localhost), never another host");
        }
    }
}
