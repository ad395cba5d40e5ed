package io.execbench.harness.read;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server configuration's load sweep, {@code server/<label>.json} (results contract, schema 1; read by
 * {@link ServerLogReader}): the server model and its size, where the generator and the server ran, and one
 * {@link Step} per offered rate and heavy-request share, in sweep order. Every text is untrusted.
 *
 * @param file           where it was read from, for messages
 * @param model          {@code eventLoop}, {@code loopOffload}, {@code threadPool}, {@code virtual}, {@code processes}
 * @param label          the configuration's name, e.g. {@code loopOffload-4}; letters, digits, {@code ._-}
 * @param poolSize       the offload or thread pool's size, or null where the model has none
 * @param processes      server processes sharing the port (1 for every model but {@code processes})
 * @param heavyKernel    the kernel a heavy request runs, e.g. {@code alu}
 * @param heavyWorkUnits its size
 * @param heavyMs        what one heavy request's kernel took alone, in ms
 * @param connections    the generator's connections
 * @param serverCpus     the CPUs the server was given (empty when not pinned)
 * @param generatorCpus  the CPUs the load generator was given
 * @param pinned         whether both were pinned to those CPUs
 * @param p99BoundMs     the p99 above which a step does not count as sustained, in ms
 * @param steps          in sweep order
 * @param notes          the runner's remarks, shown as they are (escaped)
 * @param capacity       its capacity for heavy requests, or null where the file has none (older files)
 */
public record ServerRun(Path file, String model, String label, Integer poolSize, int processes, String heavyKernel,
                        long heavyWorkUnits, double heavyMs, int connections, List<Integer> serverCpus,
                        List<Integer> generatorCpus, boolean pinned, double p99BoundMs, List<Step> steps,
                        List<String> notes, Capacity capacity) {

    /** The cheap route's name in {@link Step#routes()}. */
    public static final String CHEAP = "cheap";
    /** The heavy route's name. */
    public static final String HEAVY = "heavy";

    public ServerRun {
        serverCpus = List.copyOf(serverCpus);
        generatorCpus = List.copyOf(generatorCpus);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /**
     * One offered rate at one heavy share.
     *
     * @param heavyShare     the share of requests that are heavy, 0 to 1
     * @param offeredPerSec  the open-loop generator's intended rate
     * @param achievedPerSec completed requests per second of measurement
     * @param measuredMs     the measured time (after warm-up)
     * @param completed      requests answered
     * @param errors         requests answered with an error or refused
     * @param timeouts       requests never answered in time
     * @param generatorCpuMs CPU time the generator used while measuring, or NaN when not recorded
     * @param routes         per route ({@link #CHEAP}, {@link #HEAVY}); a route without requests is absent
     * @param loopLag        the event loop's lag, or null for models without a loop
     * @param hlog           the step's interval log in {@code latency/}, or null
     */
    public record Step(double heavyShare, double offeredPerSec, double achievedPerSec, double measuredMs,
                       long completed, long errors, long timeouts, double generatorCpuMs, Map<String, Route> routes,
                       LoopLag loopLag, String hlog) {

        public Step {
            routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        }

        /** The cheap route, or null when it had no requests. */
        public Route cheap() {
            return routes.get(CHEAP);
        }
    }

    /**
     * One route's latency from the intended start (coordinated omission corrected), in microseconds.
     *
     * @param intervalP99Us the route's p99 in each measured interval: the repeated values behind an interval
     */
    public record Route(long count, double meanUs, double p50Us, double p90Us, double p99Us, double p999Us,
                       double maxUs, List<Double> intervalP99Us, double p99LowUs, double p99HighUs) {

        public Route {
            intervalP99Us = List.copyOf(intervalP99Us);
        }

        /** A route without the p99's order-statistic interval (files written before it). */
        public Route(long count, double meanUs, double p50Us, double p90Us, double p99Us, double p999Us,
                     double maxUs, List<Double> intervalP99Us) {
            this(count, meanUs, p50Us, p90Us, p99Us, p999Us, maxUs, intervalP99Us, Double.NaN, Double.NaN);
        }

        /** Whether the file gave the p99's 99.9% interval ({@code p99LowUs} to {@code p99HighUs}). */
        public boolean hasP99Interval() {
            return Double.isFinite(p99LowUs) && Double.isFinite(p99HighUs) && p99LowUs <= p99HighUs;
        }
    }

    /**
     * The configuration's capacity for CPU-heavy requests: a closed loop of {@code connections} keep-alive connections,
     * each always with one request outstanding, heavy route only (what {@code ab -c<connections>} on the heavy route
     * shows).
     *
     * @param heavyShare     the share of requests that were heavy (1 as written today)
     * @param connections    the closed loop's connections
     * @param requestsPerSec completed requests over the measured time, as the whole run counts them
     * @param measuredMs     the measured time, from the end of warm-up to the last answer
     * @param completed      requests answered
     * @param errors         requests answered with an error or refused
     * @param timeouts       requests never answered in time
     * @param intervalPerSec the completion rate in each whole interval of the run: the repeated values behind an
     *                       interval
     */
    public record Capacity(double heavyShare, int connections, double requestsPerSec, double measuredMs,
                           long completed, long errors, long timeouts, List<Double> intervalPerSec,
                           double intervalMs) {

        /** The interval length of files that do not say it: the generator's first, 250 ms. */
        public static final double DEFAULT_INTERVAL_MS = 250;

        public Capacity {
            intervalPerSec = List.copyOf(intervalPerSec);
        }

        /** A capacity whose intervals are {@link #DEFAULT_INTERVAL_MS} long. */
        public Capacity(double heavyShare, int connections, double requestsPerSec, double measuredMs,
                        long completed, long errors, long timeouts, List<Double> intervalPerSec) {
            this(heavyShare, connections, requestsPerSec, measuredMs, completed, errors, timeouts, intervalPerSec,
                    DEFAULT_INTERVAL_MS);
        }
    }

    /** How late the event loop ran a timer task, in microseconds. */
    public record LoopLag(long count, double p50Us, double p99Us, double p999Us, double maxUs) {
    }
}
