package io.execbench.server;

import io.execbench.loadgen.AbResult;
import io.execbench.loadgen.ApacheBench;
import io.execbench.loadgen.LoadGenerator;
import io.execbench.loadgen.LoadResult;
import io.execbench.loadgen.LoadSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cross-check against a tool nobody here wrote, as the Node material measures: {@code ab -n1000 -c20} on the
 * cheap route of the same server. Two runs of ab: with {@code -k} (keep-alive, the generator's own settings: 20
 * connections, 1,000 requests, each connection sending when its previous reply came), compared with the generator's
 * closed-loop mode at those settings, which should agree on requests/s and mean time per request; and without
 * {@code -k}, the note's exact command (a new connection per request), shown for what it costs. Then the generator's
 * open loop at ab's throughput: ab's percentiles beside the corrected ones at the same rate are the coordinated
 * omission difference, measured. The keep-alive comparison again on the heavy route ({@link #heavy}), where the
 * server sets the pace and the two must agree.
 *
 * <p>Written to {@code server/ab.json}; without ab on the PATH, {@code {"available": false, "reason": ...}}.
 */
final class AbCrossCheck {

    static final int REQUESTS = 1_000;
    static final int CONCURRENCY = 20;
    /** Heavy requests of the heavy-route comparison: about two seconds of one event loop's work. */
    static final int HEAVY_REQUESTS = 200;
    private static final Duration AB_TIMEOUT = Duration.ofSeconds(60);
    private static final List<Double> OPEN_PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 100.0);

    private AbCrossCheck() {
    }

    static Map<String, Object> run(String label, int port, List<Integer> generatorCpus) throws InterruptedException {
        Map<String, Object> check = new LinkedHashMap<>();
        ApacheBench.Outcome keepAlive = ApacheBench.run(port, "/cheap", REQUESTS, CONCURRENCY, true, AB_TIMEOUT);
        if (keepAlive.result().isEmpty()) {
            check.put("available", false);
            check.put("reason", keepAlive.reason());
            return check;
        }
        AbResult ab = keepAlive.result().get();
        check.put("available", true);
        check.put("reason", "");
        check.put("label", label);
        check.put("requests", REQUESTS);
        check.put("concurrency", CONCURRENCY);
        check.put("ab", abFields(ab));
        ApacheBench.run(port, "/cheap", REQUESTS, CONCURRENCY, false, AB_TIMEOUT).result()
                .ifPresent(plain -> check.put("abNoKeepAlive", abFields(plain)));
        heavy(port, generatorCpus).ifPresent(heavy -> check.put("heavy", heavy));

        LoadSpec closedSpec = LoadSpec.openLoop(port, ab.requestsPerSec(), AB_TIMEOUT.toMillis())
                .closedLoop().withConnections(CONCURRENCY).withMaxRequests(REQUESTS).withCpus(generatorCpus);
        LoadResult closed = LoadGenerator.run(closedSpec);
        Map<String, Object> closedFields = new LinkedHashMap<>();
        closedFields.put("requestsPerSec", closed.achievedPerSec());
        closedFields.put("meanMs", closed.meanMs("cheap"));
        check.put("closedLoop", closedFields);

        double rate = ab.requestsPerSec();
        long durationMs = Math.max(500, Math.round(REQUESTS / rate * 1e3));
        LoadResult open = LoadGenerator.run(LoadSpec.openLoop(port, rate, durationMs).withConnections(CONCURRENCY)
                .withCpus(generatorCpus));
        Map<String, Object> openFields = new LinkedHashMap<>();
        openFields.put("offeredPerSec", rate);
        openFields.put("achievedPerSec", open.achievedPerSec());
        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (double p : OPEN_PERCENTILES) {
            percentiles.put(p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p),
                    open.percentileMs("cheap", p));
        }
        openFields.put("percentilesMs", percentiles);
        check.put("openLoop", openFields);
        return check;
    }

    /**
     * The same comparison on the heavy route, where the server, not the client, sets the pace: on the cheap route
     * twenty connections to one event loop measure how fast each client can send (ab is one thread too), on the heavy
     * one both must report the server's capacity and twenty requests' worth of queueing as the mean.
     */
    private static Optional<Map<String, Object>> heavy(int port, List<Integer> generatorCpus)
            throws InterruptedException {
        ApacheBench.Outcome outcome = ApacheBench.run(port, "/heavy", HEAVY_REQUESTS, CONCURRENCY, true, AB_TIMEOUT);
        if (outcome.result().isEmpty()) {
            return Optional.empty();
        }
        LoadResult closed = LoadGenerator.run(LoadSpec.openLoop(port, 1, AB_TIMEOUT.toMillis()).closedLoop()
                .withConnections(CONCURRENCY).withHeavyShare(1.0).withMaxRequests(HEAVY_REQUESTS)
                .withCpus(generatorCpus));
        Map<String, Object> heavy = new LinkedHashMap<>();
        heavy.put("requests", HEAVY_REQUESTS);
        heavy.put("ab", abFields(outcome.result().get()));
        Map<String, Object> closedFields = new LinkedHashMap<>();
        closedFields.put("requestsPerSec", closed.achievedPerSec());
        closedFields.put("meanMs", closed.meanMs("heavy"));
        heavy.put("closedLoop", closedFields);
        return Optional.of(heavy);
    }

    private static Map<String, Object> abFields(AbResult ab) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestsPerSec", ab.requestsPerSec());
        fields.put("meanMs", ab.timePerRequestMs());
        fields.put("meanAcrossMs", ab.timePerRequestAllMs());
        fields.put("failed", ab.failedRequests());
        fields.put("non2xx", ab.non2xxResponses());
        Map<String, Long> percentiles = new LinkedHashMap<>();
        ab.percentilesMs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> percentiles.put(Integer.toString(e.getKey()), e.getValue()));
        fields.put("percentilesMs", percentiles);
        return fields;
    }
}
