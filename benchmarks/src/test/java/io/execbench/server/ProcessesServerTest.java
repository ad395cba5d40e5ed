package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ProcessesServerTest extends ServerContract {

    @Override
    String model() {
        return "processes";
    }

    @Test
    void runsTheConfiguredNumberOfChildJvms() {
        assertThat(server.pids()).hasSize(2).doesNotContain(ProcessHandle.current().pid())
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
    }

    @Test
    void collectsLoopLagFromEveryChildWhileRunning() throws Exception {
        assertThat(EventLoopServerTest.awaitLagCount(server)).isPositive();
    }

    @Test
    void childrenSendTheirFinalLagAndExitOnClose() throws Exception {
        RunningServer processes = Servers.start(config("processes", HEAVY_UNITS));
        List<Long> pids = processes.pids();
        try (TestClient client = new TestClient(processes.port())) {
            assertThat(client.call("/heavy").body()).isEqualTo(heavyBody());
        } finally {
            processes.close();
        }
        Histogram lag = processes.loopLagNs().orElseThrow();
        assertThat(lag.getTotalCount()).as("ticks recorded by the children").isPositive();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("child %d", pid).isEmpty());
        assertThat(processes.loopLagNs().orElseThrow().getTotalCount()).as("stable after close")
                .isEqualTo(lag.getTotalCount());
    }
}
