package io.execbench.cpu;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import java.util.List;
import java.util.Map;
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
 * Question: from which task size on does handing CPU-bound tasks to other threads or processes pay?
 *
 * Measures: the time for a batch of the same checksummed tasks, TASKS_PER_WORKER per worker (so every worker stays
 * busy), run inline on the benchmark thread, on an event loop (one thread), a fixed pool, a ForkJoinPool, a virtual
 * thread per task, a pool of worker JVMs (processes) and a fresh JVM per task (spawnPerTask), with as many workers
 * as cores. inline's time over a model's is its speedup. Task sizes for the alu kernel (a few ns per unit): 333
 * units ~ 1 us, 33 333 ~ 100 us, 3 333 333 ~ 10 ms; the memory kernel (dependent cache misses, ~100-200 ns per unit)
 * is a value of the same kernel parameter, at 5000 units ~ 1 ms. inline's scores are also the calibration: ns per
 * unit = score / (tasks x workUnits). baseline is the batch machinery with empty tasks: the floor under every score.
 *
 * Which (model, kernel, workUnits) combinations a profile runs is the runner's choice (planned() below), not a
 * method per budget, so a budget change never renames a benchmark. Today every profile runs the same grid: alu at
 * every size for the threaded models and processes; eventLoop and spawnPerTask on ~10 ms tasks only (an event loop
 * cannot beat inline, a JVM per task only pays at all for long tasks); memory at ~1 ms for inline and fixedPool;
 * fp not at all (for this question it behaves like alu: registers only). Under plain JMH every declared combination
 * runs: pass -p to choose.
 *
 * Pitfalls avoided:
 *  - Start-up in the score: threads and worker JVMs are started per trial, and one verified batch runs before the
 *    first timed call (a worker builds its memory chain then). Worker start-up is ProcessStartupBenchmark's subject.
 *  - Doing less work: every task gets a new seed, and after each iteration, outside the timed region, the last
 *    batch is recomputed inline and compared task by task; a model that skipped or reordered work fails the run.
 *  - Dead code: the checksum array is returned, so JMH consumes it.
 *
 * Expect, on 2 cores: at ~10 ms fixedPool, forkJoin, virtual and processes about 2x inline (the physical limit),
 * eventLoop about 1x and spawnPerTask well below (a JVM start is tens of ms); at ~1 us every model loses to inline
 * (the hand-off costs more than the task); memory-bound tasks gain what the shared memory system allows
 * (ScalingBenchmark's memory kernel asks the same across thread counts).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OffloadBenchmark implements AutoParams {

    private static final Set<String> COARSE_ONLY = Set.of(ExecutionModels.EVENT_LOOP, ExecutionModels.SPAWN_PER_TASK);
    private static final Set<String> MEMORY_MODELS = Set.of(ExecutionModels.INLINE, ExecutionModels.FIXED_POOL);
    private static final String COARSE_ALU_UNITS = "3333333";
    private static final String MEMORY_UNITS = "5000";

    @Override
    public List<String> values(String param, Profile profile) {
        throw new IllegalArgumentException("no automatic values for @Param " + param);
    }

    /** The grid described in the header, the same in every profile. */
    @Override
    public boolean planned(Map<String, String> params, Profile profile) {
        String model = params.get("model");
        String units = params.get("workUnits");
        if (model == null) {
            return true; // baseline
        }
        return switch (params.get("kernel")) {
            case "alu" -> !units.equals(MEMORY_UNITS)
                    && (!COARSE_ONLY.contains(model) || units.equals(COARSE_ALU_UNITS));
            case "memory" -> units.equals(MEMORY_UNITS) && MEMORY_MODELS.contains(model);
            default -> false;
        };
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

    /** One model, one kernel, one task size, poolSize = cores. */
    @State(Scope.Thread)
    public static class Batch extends ModelTasks {
        @Param({"inline", "eventLoop", "fixedPool", "forkJoin", "virtual", "processes", "spawnPerTask"})
        public String model;

        @Param({"alu", "memory"})
        public String kernel;

        @Param({"333", MEMORY_UNITS, "33333", COARSE_ALU_UNITS})
        public int workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            open(model, kernel, workUnits, CORES, TASKS_PER_WORKER * CORES);
        }
    }

    @Benchmark
    public long[] baseline(Empty tasks) {
        // Seeds, one loop, no work: the floor under every batch score.
        return tasks.runBatch();
    }

    @Benchmark
    public long[] batch(Batch tasks) {
        // Every task through the model and back: inline's time over this one is the speedup.
        return tasks.runBatch();
    }
}
