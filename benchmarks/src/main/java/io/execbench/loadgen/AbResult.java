package io.execbench.loadgen;

import java.util.Map;

/**
 * What ApacheBench ({@code ab}) printed for one run, in its own units.
 *
 * @param completeRequests            "Complete requests"
 * @param failedRequests              "Failed requests"
 * @param non2xxResponses             "Non-2xx responses" (0 when ab printed no such line)
 * @param requestsPerSec              "Requests per second" (mean)
 * @param timePerRequestMs            "Time per request" (mean): per request of one connection, i.e. the latency
 * @param timePerRequestAllMs         "Time per request" (mean, across all concurrent requests): 1000 / requestsPerSec
 * @param percentilesMs               "Percentage of the requests served within a certain time (ms)": percentile
 *                                    (50, 66, 75, 80, 90, 95, 98, 99, 100) to milliseconds (ab rounds to whole ms)
 * @param concurrency                 "Concurrency Level"
 */
public record AbResult(long completeRequests, long failedRequests, long non2xxResponses, double requestsPerSec,
                       double timePerRequestMs, double timePerRequestAllMs, Map<Integer, Long> percentilesMs,
                       int concurrency) {

    public AbResult {
        percentilesMs = Map.copyOf(percentilesMs);
    }
}
