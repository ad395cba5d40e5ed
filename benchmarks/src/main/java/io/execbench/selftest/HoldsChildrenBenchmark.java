package io.execbench.selftest;

import io.execbench.ipc.Frame;
import io.execbench.ipc.Transport;
import io.execbench.ipc.Transports;
import io.execbench.worker.WorkerCommand;
import io.execbench.worker.WorkerPool;
import io.execbench.worker.WorkerTimeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Not a measurement: a benchmark that holds, all at once, what a suite can leave behind when the runner is stopped
 * in the middle of it, so that a test can stop the runner there and look for leftovers:
 *  - an shm transport: a peer JVM and its private folder under /dev/shm;
 *  - a pool of one worker JVM, busy in a long task (seconds per invocation), as the processes model is;
 *  - a folder in the fork's temporary folder holding a file, as ProcessStartupBenchmark's CDS and AOT archives do.
 * Run it only through --include naming the selftest package.
 *
 * Expect: each invocation takes seconds (a task of 2^31 alu steps in the worker); the run completes if nobody stops
 * it, and after Ctrl-C or SIGTERM of the runner no process and no execbench-* folder is left.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class HoldsChildrenBenchmark {

    private static final byte ALU = 0;

    private Transport shm;
    private WorkerPool pool;
    private Path archives;
    private long seed;

    @Setup(Level.Trial)
    public void hold() throws IOException {
        shm = Transports.open("shm", 64);
        pool = WorkerPool.start(WorkerCommand.standard(1 << 20), 1,
                WorkerTimeouts.DEFAULT.withReply(Duration.ofMinutes(10)));
        archives = Files.createTempDirectory("execbench-selftest-");
        Files.writeString(archives.resolve("worker.aot"), "stands for an archive");
    }

    @Benchmark
    public long longTask() {
        shm.call(Frame.ECHO, 8);
        return pool.call(ALU, Integer.MAX_VALUE, ++seed);
    }

    @TearDown(Level.Trial)
    public void release() throws IOException {
        shm.close();
        pool.close();
        Files.delete(archives.resolve("worker.aot"));
        Files.delete(archives);
    }
}
