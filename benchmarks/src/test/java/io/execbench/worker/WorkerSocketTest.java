package io.execbench.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.workload.AluKernel;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that speaks over a Unix domain socket (fork with a channel other than its pipes). */
class WorkerSocketTest {

    private static final byte ALU = 0;

    @TempDir
    Path dir;

    @Test
    void workerConnectsBackAnswersOverTheSocketAndLeavesWhenClosed() {
        Path socket = dir.resolve("worker.sock");
        try (Watchdog watchdog = new Watchdog(WorkerTimeouts.DEFAULT)) {
            WorkerProcess worker = WorkerProcess.launchOverSocket(WorkerCommand.standard(1 << 20), "worker",
                    watchdog, socket).awaitHello();
            try {
                assertThat(worker.call(ALU, 100, 42)).isEqualTo(new AluKernel().run(42, 100));
                assertThat(socket).as("the listening socket is removed once the worker is connected").doesNotExist();
            } finally {
                worker.close(10_000);
            }
            assertThat(ProcessHandle.of(worker.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void aWorkerThatDiesBeforeConnectingFailsTheLaunchInsteadOfHangingIt() {
        // A class with no main method: the JVM exits at once with an error, never connecting.
        WorkerCommand noWorker = WorkerCommand.of(WorkerSocketTest.class.getName());
        try (Watchdog watchdog = new Watchdog(WorkerTimeouts.DEFAULT.withReply(Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> WorkerProcess.launchOverSocket(noWorker, "worker", watchdog,
                    dir.resolve("worker.sock")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("worker: cannot start")
                    .hasMessageContaining("over " + dir.resolve("worker.sock"));
        }
        assertThat(dir.resolve("worker.sock")).doesNotExist();
    }
}
