package io.execbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The proof of the correction: a server that answers at once except that it stalls completely for 300 ms in every
 * 3 s (the classic "1 s in every 10 s", scaled down), measured open loop and closed loop with the same connections
 * and duration.
 *
 * <p>Open loop, 500 requests/s on 4 connections: the stall delays the 150 requests due during it by up to 300 ms,
 * and each is charged from its intended time, so ~15% of the measured requests are late and the p99 is ~280 ms.
 * Closed loop: each of the 4 connections has one request in flight when the stall begins, and sends nothing until
 * it is answered, so at most 4 requests see the stall among the thousands it sends the rest of the time: the p99
 * is that of a healthy server.
 *
 * <p>Why it cannot flake on a loaded 2-CPU machine:
 * <ul>
 *   <li>The stall is a sleep in the server's only thread, so it lasts at least 300 ms however slow the machine is;
 *       its clock starts at the server's first request, so it falls at 0.5-0.8 s into a 2.2 s run, wholly inside
 *       the measured part (after a 200 ms warm-up), whatever the JVM did before.</li>
 *   <li>Open: the p99 is at least 100 ms as soon as more than 1% of the requests waited 100 ms or more. Those due in
 *       the first 200 ms of the stall (100 requests of 1000) did; a busy machine only delays the rest further. The
 *       generator needs 500 sends/s, a tiny fraction of what one slow CPU does.</li>
 *   <li>Closed: the p99 stays under 75 ms (stall/4) as long as fewer than 1% of the requests are slow; the 4 stalled
 *       ones are 1% of 400, and the closed loop sends that many in 2 s even at 200 round trips/s (a loopback round
 *       trip to an idle server takes tens of microseconds; this would need milliseconds each). A scheduling hiccup
 *       of 75 ms hitting 1% of the requests of a 2 s run would be a broken machine, not a loaded one.</li>
 * </ul>
 */
class CoordinatedOmissionTest {

    private static final long STALL_MS = 300;

    @Test
    void openLoopChargesTheStallToEveryDelayedRequestWhileClosedLoopHidesIt() throws Exception {
        LoadSpec open = LoadSpec.openLoop(1, 500, 2_000).withConnections(4).withWarmupMs(200).withTimeoutMs(5_000);
        LoadResult openResult = runAgainstStallingServer(open);
        LoadResult closedResult = runAgainstStallingServer(open.closedLoop());

        double openP99Ms = openResult.percentileMs("cheap", 99);
        double closedP99Ms = closedResult.percentileMs("cheap", 99);
        System.out.printf("coordinated omission: open loop p99 %.1f ms (max %.1f ms, %d requests),"
                        + " closed loop p99 %.2f ms (max %.1f ms, %d requests)%n", openP99Ms,
                openResult.route("cheap").getMaxValue() / 1e6, openResult.completed(), closedP99Ms,
                closedResult.route("cheap").getMaxValue() / 1e6, closedResult.completed());

        assertThat(openResult.completed()).isEqualTo(1_000);
        assertThat(openP99Ms).as("open-loop p99 shows the %d ms stall", STALL_MS).isGreaterThanOrEqualTo(100);
        assertThat(closedResult.route("cheap").getMaxValue() / 1e6)
                .as("the closed loop did meet the stall (its slowest request waited through it)")
                .isGreaterThanOrEqualTo(100);
        assertThat(closedP99Ms).as("closed-loop p99 hides the stall").isLessThan(STALL_MS / 4.0);
    }

    private static LoadResult runAgainstStallingServer(LoadSpec template) throws Exception {
        TestHttpServer.Options stalls = new TestHttpServer.Options().stall(500, 3_000, STALL_MS);
        try (TestHttpServer server = TestHttpServer.start(stalls)) {
            LoadSpec spec = new LoadSpec(template.host(), server.port(), template.ratePerSec(),
                    template.connections(), template.warmupMs(), template.durationMs(), template.heavyShare(),
                    template.timeoutMs(), template.openLoop(), template.seed(), template.cpus(),
                    template.maxRequests());
            LoadResult result = LoadGenerator.run(spec);
            // It blocks from the first request it meets in the window to the window's end: a little under 300 ms.
            assertThat(server.stalledMs()).as("the server stalled").isPositive();
            return result;
        }
    }
}
