package io.execbench.cpu;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Measures: the same CPU-bound tasks run inline on the benchmark thread, on an event loop (one thread), a fixed
 * pool, a ForkJoinPool, a virtual thread per task, a pool of worker JVMs, and a fresh JVM per task.
 *  - batch*: the time for a batch of 4 tasks per worker (8 on 2 cores), so every worker is busy; inline's time over
 *    a model's is its speedup. Task sizes (alu, about 3 ns per unit here): 333 units ~ 1 us, 33 333 ~ 100 us,
 *    3 333 333 ~ 10 ms. inline's scores are also the calibration: ns per unit = score / (tasks x workUnits).
 *  - task: the latency of one ~1 us task handed over and awaited (SampleTime, so the report can draw the HDR
 *    distribution); a model's latency minus inline's is its per-task overhead.
 *  - batchPoolSize: fixedPool and virtual (carriers) with 1, cores, 2x and 4x cores threads, on a fixed batch of
 *    16 tasks per core, so every pool size does the same work: too few, right, too many.
 *
 * Pitfalls avoided:
 *  - Start-up in the score: threads and worker JVMs are started per trial, and one verified batch runs before the
 *    first timed call (a worker builds its memory chain then). Worker start-up is ProcessStartupBenchmark's subject.
 *  - Doing less work: every task gets a new seed, and after each iteration, outside the timed region, the last
 *    batch is recomputed inline and compared task by task; a model that skipped or reordered work fails the run.
 *  - Dead code: the checksum array is returned, so JMH consumes it.
 *
 * Cut to fit the quick profile (about 9 s per combination): fp is left out (for this question it behaves like
 * alu: registers only); memory runs at one size (~1 ms) for inline and fixedPool; eventLoop and spawnPerTask run
 * batches of coarse tasks only (eventLoop cannot beat inline; spawnPerTask only pays at all for long tasks) and
 * eventLoop's hand-off is in task; forkJoin has no latency run (its hand-off is fixedPool's order).
 *
 * Expect, on 2 cores: at ~10 ms fixedPool, forkJoin, virtual and processes about 2x inline (the physical limit),
 * eventLoop about 1x and spawnPerTask well below (a JVM start is tens of ms); at ~1 us every model loses to
 * inline (the hand-off costs more than the task); task latency overheads of a few to ~20 us for threads and a
 * pipe round trip (~10-30 us) for processes; poolSize 1 about 1x, cores about 2x, beyond cores no gain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExecutionModelBenchmark implements AutoParams {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Tasks queued per worker in a batch: enough that no worker waits for the next one. */
    static final int TASKS_PER_WORKER = 4;

    /** This suite's {@code auto} values, for a trial run by plain JMH (see {@link AutoParams}). */
    static final AutoParams PARAMS = new ExecutionModelBenchmark();

    /** {@code poolSize}: 1, cores, 2x cores, 4x cores of this machine (distinct values only), in every profile. */
    @Override
    public List<String> values(String param, Profile profile) {
        if (!"poolSize".equals(param)) {
            throw new IllegalArgumentException("no automatic values for @Param " + param);
        }
        return poolSizes(CORES);
    }

    static List<String> poolSizes(int cores) {
        Set<String> sizes = new LinkedHashSet<>();
        for (int size : new int[] {1, cores, 2 * cores, 4 * cores}) {
            sizes.add(Integer.toString(size));
        }
        return List.copyOf(sizes);
    }

    /** A {@code poolSize} value as planned by the runner, or "auto" when run by JMH alone (then: the first, 1). */
    static int poolSize(String value) {
        return Integer.parseInt(PARAMS.resolve("poolSize", value));
    }

    /** The baseline: the batch machinery with empty tasks inline; what every batch pays before any work. */
    @State(Scope.Thread)
    public static class Empty extends ModelTasks {
        @Param({"alu"})
        public String kernel;

        @Setup(Level.Trial)
        public void setUp() {
            open(ExecutionModels.INLINE, kernel, 0, CORES, TASKS_PER_WORKER * CORES);
        }
    }

    /** The main sweep: task size by model, poolSize = cores. */
    @State(Scope.Thread)
    public static class Sized extends ModelTasks {
        @Param({"inline", "fixedPool", "forkJoin", "virtual", "processes"})
        public String model;

        @Param({"alu"})
        public String kernel;

        @Param({"333", "33333", "3333333"})
        public int workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, kernel, workUnits, CORES, TASKS_PER_WORKER * CORES);
        }
    }

    /** Models worth measuring on coarse tasks only. */
    @State(Scope.Thread)
    public static class Coarse extends ModelTasks {
        @Param({"eventLoop", "spawnPerTask"})
        public String model;

        @Param({"alu"})
        public String kernel;

        @Param({"3333333"})
        public int workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, kernel, workUnits, CORES, TASKS_PER_WORKER * CORES);
        }
    }

    /** Memory-latency-bound tasks of ~1 ms (5000 dependent misses). */
    @State(Scope.Thread)
    public static class MemoryBound extends ModelTasks {
        @Param({"inline", "fixedPool"})
        public String model;

        @Param({"memory"})
        public String kernel;

        @Param({"5000"})
        public int workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, kernel, workUnits, CORES, TASKS_PER_WORKER * CORES);
        }
    }

    /** The pool-size sweep, on a batch sized for the largest pool so that every size does the same work. */
    @State(Scope.Thread)
    public static class Pooled extends ModelTasks {
        @Param({"fixedPool", "virtual"})
        public String model;

        @Param({"auto"})
        public String poolSize;

        @Param({"alu"})
        public String kernel;

        @Param({"33333"})
        public int workUnits;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            int threads = poolSize(poolSize);
            open(model, kernel, workUnits, threads, TASKS_PER_WORKER * 4 * CORES);
            if (ExecutionModels.VIRTUAL.equals(model)) {
                int carriers = VirtualCarriers.observe(4 * threads, 2_000);
                if (carriers != threads) {
                    throw new IllegalStateException("virtual threads ran on " + carriers + " carriers, not poolSize="
                            + threads + ": a virtual thread ran in this JVM before "
                            + VirtualCarriers.PARALLELISM_PROPERTY + " was set");
                }
            }
        }
    }

    /** One task at a time, for its latency. */
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
    public long[] baseline(Empty tasks) {
        // Seeds, one loop, no work: the floor under every batch score.
        return tasks.runBatch();
    }

    @Benchmark
    public long[] batch(Sized tasks) {
        return tasks.runBatch();
    }

    @Benchmark
    public long[] batchCoarse(Coarse tasks) {
        return tasks.runBatch();
    }

    @Benchmark
    public long[] batchMemory(MemoryBound tasks) {
        return tasks.runBatch();
    }

    @Benchmark
    public long[] batchPoolSize(Pooled tasks) {
        return tasks.runBatch();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long task(Single tasks) {
        // One task there and back: with inline's latency subtracted, the hand-off's price.
        return tasks.runBatch()[0];
    }
}
