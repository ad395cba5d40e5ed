package io.execbench.cpu;

import io.execbench.runner.Profile;
import io.execbench.workload.WorkloadKernel;
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
 * Question: for the user's own task (io.execbench.api.Workload, docs/workload.md), which execution model, and from
 * which size on does offloading pay?
 *
 * Measures: OffloadBenchmark's batch, with the user's workload in place of a built-in kernel: TASKS_PER_WORKER tasks
 * per core, run inline, on a fixed pool, a ForkJoinPool, virtual threads and worker JVMs at every calibrated size
 * (about 1 us, 10 us, 100 us, 1 ms and 10 ms per call; smoke: 1 us, 100 us, 10 ms), and on an event loop and a JVM
 * per task (spawnPerTask, quick and full only: seconds per batch) at the largest. The same models and worker pool as the built-in kernels.
 *
 * Pitfalls avoided: as OffloadBenchmark (models and workers started per trial, a verified batch before timing, every
 * task's checksum recomputed inline after each iteration, outside the timed region, the checksums returned). The
 * workload's set-up runs per trial in this JVM and once in each worker, never in the score.
 *
 * Expect: depends on the task; the report's "your workload" card reads it. On 2 cores a task of 10 ms and more runs
 * about 2x faster on a pool than inline, and below about 10 us every hand-off costs more than it brings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkloadOffloadBenchmark extends WorkloadSizes {

    private static final WorkloadOffloadBenchmark PARAMS = new WorkloadOffloadBenchmark();

    private static final Set<String> LARGEST_ONLY = Set.of(ExecutionModels.EVENT_LOOP, ExecutionModels.SPAWN_PER_TASK);
    /**
     * The project's own tests' profile: inline, a pool, virtual threads and worker processes prove the workload loads
     * and checksums in this JVM and in workers; the other models are the built-in suites' code, tested there.
     */
    static final Set<String> TEST_MODELS = Set.of(ExecutionModels.INLINE, ExecutionModels.FIXED_POOL,
            ExecutionModels.VIRTUAL, ExecutionModels.PROCESSES);

    /** Tasks per benchmark call: the report divides a batch's time by it to say what one call takes. */
    public static int tasksPerBatch() {
        return ModelTasks.TASKS_PER_WORKER * ModelTasks.CORES;
    }

    @Override
    public boolean planned(Map<String, String> params, Profile profile) {
        List<String> sizes = sizes();
        if (!active() || !sizes.contains(params.get("workUnits"))) {
            return false;
        }
        String model = params.get("model");
        if (profile == Profile.TEST) {
            return TEST_MODELS.contains(model);
        }
        if (model.equals(ExecutionModels.SPAWN_PER_TASK) && profile == Profile.SMOKE) {
            return false; // a JVM start per task: seconds per batch, more than the smoke budget allows
        }
        return !LARGEST_ONLY.contains(model) || params.get("workUnits").equals(sizes.getLast());
    }

    /** One model, the user's workload, one calibrated size, poolSize = cores. */
    @State(Scope.Thread)
    public static class Batch extends ModelTasks {
        @Param({"inline", "eventLoop", "fixedPool", "forkJoin", "virtual", "processes", "spawnPerTask"})
        public String model;

        @Param("auto")
        public String workload;

        @Param("auto")
        public String workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            int size = Integer.parseInt(PARAMS.resolve("workUnits", workUnits));
            open(model, WorkloadKernel.NAME, size, CORES, tasksPerBatch());
        }
    }

    @Benchmark
    public long[] batch(Batch tasks) {
        // Every task through the model and back: inline's time over this one is the speedup.
        return tasks.runBatch();
    }
}
