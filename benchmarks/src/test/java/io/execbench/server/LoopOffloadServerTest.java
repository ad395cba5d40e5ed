package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.workload.AluKernel;
import org.junit.jupiter.api.Test;

class LoopOffloadServerTest extends ServerContract {

    @Override
    String model() {
        return "loopOffload";
    }

    @Test
    void recordsLoopLag() throws Exception {
        assertThat(EventLoopServerTest.awaitLagCount(server)).isPositive();
    }

    /** The lesson of this model: with heavy work on the pool, the loop answers a cheap request meanwhile. */
    @Test
    void aCheapRequestIsAnsweredWhileAHeavyOneRuns() throws Exception {
        int units = EventLoopServerTest.LONG_HEAVY_UNITS;
        try (RunningServer offload = Servers.start(config("loopOffload", units));
             TestClient heavy = new TestClient(offload.port());
             TestClient cheap = new TestClient(offload.port())) {
            heavy.send(TestClient.get("/heavy"));
            HeavyInFlight.awaitRunning("execbench-server-offload", 30_000);

            assertThat(cheap.call("/cheap").body()).isEqualTo("cheap\n");

            assertThat(HeavyInFlight.running("execbench-server-offload")).as("heavy still computing").isTrue();
            assertThat(heavy.available()).as("no heavy answer yet").isZero();
            assertThat(heavy.read().body()).isEqualTo(new AluKernel().run(Servers.HEAVY_SEED, units) + "\n");
        }
    }
}
