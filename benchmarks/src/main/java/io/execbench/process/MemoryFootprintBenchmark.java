package io.execbench.process;

import io.execbench.runner.AutoParams;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Question: what does one more unit of concurrency cost in memory, and how many fit? "A virtual thread costs a few
 * hundred bytes, a platform thread a stack, a process a whole JVM."
 *
 * Measures:
 *  - at trial set-up, the memory sweep (MemorySweep): for each count of the profile (platform threads 1 to 2,000,
 *    virtual threads 1 to 1,000,000, JVMs 1 to 8 under full), fresh JVMs holding that many units, every one parked in
 *    CountDownLatch.await() on one latch; their RSS and PSS from /proc/<pid>/smaps_rollup, threads and mappings.
 *    Written to memory/ (MemoryLog); the harness fits memory = fixed + perUnit x count with intervals.
 *  - startAndPark (SingleShotTime, one unit per sample): the time to start one more unit and see it parked in the
 *    same call: a thread of this JVM until its state is WAITING, or a JVM until it says its main thread is parked.
 *
 * Pitfalls avoided: each thread count is measured in a JVM of its own, so garbage and heap growth of one step are not
 * counted in another, and a full GC runs before the reading; the JVM's threads and mappings are read beside the
 * memory, so a kernel limit is seen coming; limits and free memory are checked before every step, which is skipped,
 * and the sweep ended with the reason, rather than harm the machine.
 *
 * Expect: a platform thread some tens of KiB resident (the touched part of its stack, plus the JVM's per-thread
 * structures; its kernel stack is not in RSS), a virtual thread under a KiB on the heap, a JVM tens of MiB of PSS;
 * starting a virtual thread a few microseconds, a platform thread tens, a JVM hundreds of milliseconds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MemoryFootprintBenchmark {

    @Param({"platform", "virtual", "jvm"})
    public String unit;

    private UnitKind kind;
    private CountDownLatch release;
    private Thread started;
    private MemorySweep.Parked startedJvm;

    @Setup(Level.Trial)
    public void sweep() {
        kind = UnitKind.parse(unit);
        MemorySweep.Result result = MemorySweep.run(kind, MemorySweep.counts(kind, AutoParams.profileOfThisJvm()));
        if (result.steps().isEmpty()) {
            throw new IllegalStateException(unit + ": no count could be measured: " + result.stoppedAt().reason());
        }
        MemoryLog.write(result);
    }

    @Setup(Level.Iteration)
    public void newLatch() {
        release = new CountDownLatch(1);
    }

    @Benchmark
    public long startAndPark() throws InterruptedException {
        if (kind == UnitKind.JVM) {
            startedJvm = MemorySweep.Parked.start(UnitKind.JVM, 0);
            return startedJvm.process.pid();
        }
        CountDownLatch latch = release;
        started = (kind == UnitKind.VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform())
                .start(() -> ParkedUnits.park(latch));
        while (started.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // until it is parked: the cost includes reaching the blocking call
        }
        return started.threadId();
    }

    @TearDown(Level.Iteration)
    public void releaseUnit() throws InterruptedException {
        if (startedJvm != null) {
            boolean alive = startedJvm.process.isAlive();
            startedJvm.stop();
            startedJvm = null;
            if (!alive) {
                throw new IllegalStateException("the started JVM was not parked: it had exited");
            }
        }
        if (started != null) {
            Thread.State state = started.getState();
            release.countDown();
            started.join();
            started = null;
            if (state != Thread.State.WAITING) {
                throw new IllegalStateException("the started " + unit + " thread was " + state + ", not parked");
            }
        }
    }
}
