package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.workload.AluKernel;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EventLoopServerTest extends ServerContract {

    /** Big enough that the test acts while it runs (about a second; a stall of the machine only makes it longer). */
    static final int LONG_HEAVY_UNITS = 300_000_000;

    @Override
    String model() {
        return "eventLoop";
    }

    @Test
    void recordsLoopLag() throws Exception {
        assertThat(awaitLagCount(server)).isPositive();
    }

    /** The lesson of this model: the loop that computes cannot answer anyone else meanwhile. */
    @Test
    void aCheapRequestWaitsForAHeavyOneOnTheLoop() throws Exception {
        try (RunningServer loop = Servers.start(config("eventLoop", LONG_HEAVY_UNITS));
             TestClient heavy = new TestClient(loop.port());
             TestClient cheap = new TestClient(loop.port())) {
            heavy.send(TestClient.get("/heavy"));
            HeavyInFlight.awaitRunning("execbench-server-loop", 30_000);

            assertThat(cheap.call("/cheap").body()).isEqualTo("cheap\n");

            assertThat(heavy.available()).as("the heavy answer left before the cheap one").isPositive();
            assertThat(heavy.read().body()).isEqualTo(new AluKernel().run(Servers.HEAVY_SEED, LONG_HEAVY_UNITS) + "\n");
            assertThat(loop.loopLagNs().orElseThrow().getMaxValue()).as("the heavy request shows as lag")
                    .isGreaterThan(LoopLag.TICK_NS);
        }
    }

    /** Polls until the loop's timer has fired at least once (it fires every millisecond the loop runs). */
    static long awaitLagCount(RunningServer server) throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            Histogram lag = server.loopLagNs().orElseThrow();
            if (lag.getTotalCount() > 0) {
                return lag.getTotalCount();
            }
            Thread.sleep(10);
        }
        return 0;
    }
}
