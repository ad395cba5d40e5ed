package io.execbench.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.child.ProcessTree;
import io.execbench.workload.AluKernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
            // Alive before the kill (after it, a worker may already have seen its lifeline close: that is the point).
            assertThat(pids).hasSize(2).allMatch(WorkerPoolTest::alive);
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the holder
        }
        assertThat(holder.waitFor(5, TimeUnit.SECONDS)).isTrue();

        // A deadline to wait for, not a time to meet: on a busy machine the workers may take a while to be scheduled.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pids.stream().anyMatch(WorkerPoolTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pids).as("workers alive 30 s after their parent was killed").noneMatch(WorkerPoolTest::alive);
    }

    @Test
    void workersHaveEndedWhenTheirParentExitsOnSigterm() throws Exception {
        Process holder = new ProcessBuilder(WorkerCommand.of(PoolHolder.class.getName()).argv())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pids = List.of();
        try {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                assertThat(line).startsWith("pids ");
                pids = Arrays.stream(line.substring(5).split(" ")).map(Long::valueOf).toList();
            }
            holder.destroy(); // SIGTERM: the holder's exit hook stops its children and waits for them
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(pids).as("workers of a parent that has exited").hasSize(2).noneMatch(WorkerPoolTest::alive);
        } finally {
            holder.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void aWorkerBusyWithALongTaskDiesWhenItsParentIsKilledMinus9() throws Exception {
        Process holder = new ProcessBuilder(WorkerCommand.of(LongTaskHolder.class.getName()).argv())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long pid = -1;
        try {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                assertThat(line).startsWith("pid ");
                pid = Long.parseLong(line.substring(4));
            }
            assertThat(alive(pid)).isTrue();
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the holder
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // Minutes of queued work stand between the worker and the end of its stdin: only its watch ends it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (alive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(alive(pid)).as("busy worker %d 30 s after its parent was killed", pid).isFalse();
        } finally {
            holder.destroyForcibly();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** Alive and not a zombie (see {@link ProcessTree#isRunning}). */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }
}
