package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ServersTest {

    @Test
    void defaultsAreValidForEveryModel() {
        for (String model : Servers.MODELS) {
            ServerConfig config = ServerConfig.defaults(model);
            assertThat(config.maxHeaderBytes()).isEqualTo(8 * 1024);
            assertThat(config.withHeavyWorkUnits(7).heavyWorkUnits()).isEqualTo(7);
        }
    }

    @Test
    void rejectsABadConfigNamingTheValue() {
        assertThatThrownBy(() -> ServerConfig.defaults("nodejs"))
                .hasMessageContaining("nodejs").hasMessageContaining("eventLoop");
        assertThatThrownBy(() -> new ServerConfig("threadPool", 0, 1, "alu", 1, 8192, 1000, List.of()))
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> new ServerConfig("eventLoop", 1, 1, "gpu", 1, 8192, 1000, List.of()))
                .hasMessageContaining("gpu");
    }

    @Test
    void aServerThatCannotStartNamesTheModelAndTheCause() {
        // The user's workload kernel without a configured workload cannot be created.
        ServerConfig config = new ServerConfig("loopOffload", 1, 1, "workload", 1, 8192, 1000, List.of());
        assertThatThrownBy(() -> Servers.start(config)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("loopOffload server: cannot start: ").hasMessageContaining("workload");
    }

    @Test
    void aPinnedServerStillServesWherePinningFails() throws IOException {
        ServerConfig config = new ServerConfig("eventLoop", 1, 1, "alu", 1, 8192, 1000, List.of(4095));
        try (RunningServer server = Servers.start(config); TestClient client = new TestClient(server.port())) {
            assertThat(client.call("/cheap").status()).isEqualTo(200);
        }
    }

    @Test
    void everyModelCanRunInAJvmOfItsOwnWithItsLoopLagComingBack() throws IOException {
        long self = ProcessHandle.current().pid();
        for (String model : List.of("loopOffload", "virtual")) {
            ServerConfig config = new ServerConfig(model, 2, 1, "alu", 1_000, 8192, 10_000, List.of());
            RunningServer server = Servers.startInChildJvm(config);
            List<Long> pids;
            try (server; TestClient client = new TestClient(server.port())) {
                pids = server.pids();
                assertThat(pids).hasSize(1).doesNotContain(self);
                assertThat(client.call("/cheap").status()).isEqualTo(200);
                assertThat(client.call("/heavy").status()).isEqualTo(200);
            }
            // A loop reports its lag from the child; thread-per-connection models have no loop to report.
            assertThat(server.loopLagNs().isPresent()).as(model).isEqualTo(model.equals("loopOffload"));
            server.loopLagNs().ifPresent(lag -> assertThat(lag.getTotalCount()).isPositive());
            assertThat(ProcessHandle.of(pids.getFirst()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void lagSurvivesItsEncodingForTheTripFromAChild() {
        Histogram lag = new Histogram(3);
        for (long ns = 1_000; ns < 50_000_000; ns *= 3) {
            lag.recordValue(ns);
        }
        Histogram back = LoopLag.decode(LoopLag.encode(lag));
        assertThat(back).isEqualTo(lag);
        assertThatThrownBy(() -> LoopLag.decode("bm90IGEgaGlzdG9ncmFt")).hasMessageContaining("not an encoded");
    }
}
