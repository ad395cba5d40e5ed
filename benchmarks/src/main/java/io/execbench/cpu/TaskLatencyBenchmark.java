package io.execbench.cpu;

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

/*
 * Question: what does handing one small task to another thread or process add to its latency?
 *
 * Measures: the latency of one ~1 us alu task handed over and awaited, one at a time, inline, on an event loop, a
 * fixed pool, a virtual thread and a worker JVM (over pipes). SampleTime, so the report can draw the HDR
 * distribution and not only the mean. model=inline is the baseline: a model's latency minus inline's is its
 * per-task overhead. forkJoin is left out (its hand-off is fixedPool's order), and so is spawnPerTask (its latency is
 * a JVM start: ProcessStartupBenchmark).
 *
 * Pitfalls avoided:
 *  - Start-up in the score: threads and worker JVMs are started per trial, and one verified task runs before the
 *    first timed call.
 *  - A stale answer: every task gets a new seed; after each iteration, outside the timed region, the last task is
 *    recomputed inline and compared. The checksum is returned, so JMH consumes it.
 *  - Coordinated omission: none to avoid, the loop is closed (one task at a time, each timed from its hand-off).
 *
 * Expect: overheads of a few to ~20 us for the threaded models (a wake-up of a parked thread) and a pipe round trip
 * (~10-30 us) for processes, with tails of a scheduler tick where the machine is busy.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TaskLatencyBenchmark {

    /** One task at a time. */
    @State(Scope.Thread)
    public static class Single extends ModelTasks {
        @Param({"inline", "eventLoop", "fixedPool", "virtual", "processes"})
        public String model;

        @Param({"alu"})
        public String kernel;

        @Param({"333"})
        public int workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, kernel, workUnits, CORES, 1);
        }
    }

    @Benchmark
    public long task(Single tasks) {
        // One task there and back: with inline's latency subtracted, the hand-off's price.
        return tasks.runBatch()[0];
    }
}
