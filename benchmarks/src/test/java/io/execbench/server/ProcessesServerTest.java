package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.child.ChildJvm;
import io.execbench.child.ProcessTree;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        try (ServerSocketChannel again = ServerSocketChannel.open()) {
            again.bind(new InetSocketAddress("127.0.0.1", processes.port())); // throws if a child still holds it
        }
    }

    @Test
    void childrenDoNotOutliveAParentKilledBySigkill() throws Exception {
        Process parent = new ProcessBuilder(ChildJvm.argv(List.of(), ServerHolder.class.getName(), List.of()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<ProcessHandle> children = List.of();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the holder's child pids").isNotNull();
            children = Arrays.stream(line.split(" ")).map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow())
                    .toList();
            assertThat(children).hasSize(2).allSatisfy(child -> assertThat(child.isAlive()).isTrue());

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // A deadline to wait for, not a time to meet: a busy machine may take a while to schedule them.
            assertThat(ProcessTree.awaitEnd(children, Duration.ofSeconds(30))).as("children %s ended", children)
                    .isTrue();
        } finally {
            parent.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
