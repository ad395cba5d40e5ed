package io.execbench.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.workload.AluKernel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    private static final byte ALU = 0;
    private static final WorkerTimeouts TIMEOUTS = WorkerTimeouts.DEFAULT;
    /** A reply timeout far below a JVM's start-up time, even on an idle machine. */
    private static final WorkerTimeouts IMPATIENT = WorkerTimeouts.DEFAULT.withReply(Duration.ofMillis(300));

    private static WorkerPool faultyPool(String fault, WorkerTimeouts timeouts) {
        return WorkerPool.start(WorkerCommand.of(FaultyWorker.class.getName(), fault), 2, timeouts);
    }

    private static long[] run(WorkerPool pool, long... seeds) {
        long[] checksums = new long[seeds.length];
        pool.run(ALU, 100, seeds, checksums);
        return checksums;
    }

    private static long[] inline(long... seeds) {
        return Arrays.stream(seeds).map(seed -> new AluKernel().run(seed, 100)).toArray();
    }

    @Test
    void crashedWorkerIsReportedWithItsExitCodeAndStderrAndThenReplaced() {
        try (WorkerPool pool = faultyPool("exit", TIMEOUTS)) {
            long crashedPid = pool.pids().get(1);
            assertThatThrownBy(() -> run(pool, 1, FaultyWorker.FAULT_SEED, 3, 4))
                    .isInstanceOf(WorkerFailedException.class)
                    .hasMessageStartingWith("worker 1 (pid " + crashedPid + ") stopped answering (end of its stdout)")
                    .hasMessageContaining("exit code " + FaultyWorker.EXIT_CODE)
                    .hasMessageContaining("stderr tail: line one | deliberate crash on seed 666");

            assertThat(run(pool, 5, 6, 7)).containsExactly(inline(5, 6, 7));
            assertThat(pool.replaced()).isEqualTo(1);
            assertThat(pool.pids().get(1)).isNotEqualTo(crashedPid);
            assertThat(ProcessHandle.of(crashedPid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void garbageReplyIsDetectedAndTheWorkerKilled() {
        try (WorkerPool pool = faultyPool("garbage", TIMEOUTS)) {
            long pid = pool.pids().get(0);
            assertThatThrownBy(() -> run(pool, FaultyWorker.FAULT_SEED, 2))
                    .isInstanceOf(WorkerFailedException.class)
                    .hasMessageStartingWith("worker 0 (pid " + pid + ") answered garbage (expected a reply frame, "
                            + "read type 80)")
                    .hasMessageContaining("exit code 137");
            assertThat(run(pool, 5, 6)).containsExactly(inline(5, 6));
        }
    }

    @Test
    void hungWorkerIsKilledAfterTheTimeoutAndNamed() {
        try (WorkerPool pool = faultyPool("hang", IMPATIENT)) {
            long pid = pool.pids().get(0);
            assertThatThrownBy(() -> run(pool, FaultyWorker.FAULT_SEED))
                    .isInstanceOf(WorkerFailedException.class)
                    .hasMessageStartingWith("worker 0 (pid " + pid + ") hung: no reply within 300 ms, killed");
            assertThat(run(pool, 5, 6)).containsExactly(inline(5, 6));
        }
    }

    @Test
    void aStartUpLongerThanTheReplyTimeoutIsNoHang() {
        try (WorkerPool pool = faultyPool("slowStart", IMPATIENT)) {
            assertThat(run(pool, 5, 6)).containsExactly(inline(5, 6));
            assertThat(pool.replaced()).isZero();
        }
    }

    @Test
    void aWorkerThatNeverSaysHelloIsKilledAfterTheStartUpTimeoutAndNamed() {
        WorkerTimeouts shortStartUp = new WorkerTimeouts(Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThatThrownBy(() -> faultyPool("silent", shortStartUp).close())
                .isInstanceOf(WorkerFailedException.class)
                .hasMessageStartingWith("worker 0 (pid ")
                .hasMessageContaining("hung: no hello within 500 ms of its start, killed");
    }

    @Test
    void closeLeavesNoWorkerBehind() {
        List<Long> pids;
        try (WorkerPool pool = WorkerPool.start(WorkerCommand.standard(1 << 20), 2, TIMEOUTS)) {
            pids = pool.pids();
            assertThat(run(pool, 1, 2)).containsExactly(inline(1, 2));
        }
        assertThat(pids).noneMatch(WorkerPoolTest::alive);
    }

    @Test
    void workersDieWithTheirParentEvenAfterKillMinus9() throws Exception {
        Process holder = new ProcessBuilder(WorkerCommand.of(PoolHolder.class.getName()).argv())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pids;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            assertThat(line).startsWith("pids ");
            pids = Arrays.stream(line.substring(5).split(" ")).map(Long::valueOf).toList();
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the holder
        }
        assertThat(holder.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pids).hasSize(2).allMatch(WorkerPoolTest::alive);

        // A deadline to wait for, not a time to meet: on a busy machine the workers may take a while to be scheduled.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pids.stream().anyMatch(WorkerPoolTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pids).as("workers alive 30 s after their parent was killed").noneMatch(WorkerPoolTest::alive);
    }

    /**
     * Alive and not a zombie: an orphan is reaped by whatever adopts it, and in a container that may be a PID 1
     * that never reaps, leaving a dead worker listed.
     */
    static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isReadable(Path.of("/proc/self/stat"))) {
            try {
                String text = Files.readString(stat);
                char state = text.charAt(text.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (IOException e) {
                return false; // gone between the check and the read
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
