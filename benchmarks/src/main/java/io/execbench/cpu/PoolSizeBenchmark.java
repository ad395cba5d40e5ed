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
 * Question: how many threads should a pool for CPU-bound tasks have: too few, as many as cores, or more?
 *
 * Measures: the time for one fixed batch of ~100 us alu tasks (16 per core, so every pool size does the same work)
 * on a fixed pool and on virtual threads (their carrier count set to the pool size), with poolSize 1, cores, 2x and
 * 4x cores of the machine (@Param("auto"), values() below). poolSize=1 is the reference every other size is read
 * against: the same hand-offs with no parallelism.
 *
 * Pitfalls avoided:
 *  - Start-up in the score: the pool is built per trial and one verified batch runs before the first timed call.
 *  - A pool size that is not what its label says: virtual threads' carriers are counted at set-up, and a trial
 *    whose virtual threads ran on another number of carriers fails instead of measuring under a wrong label.
 *  - Doing less work: every task gets a new seed; after each iteration the last batch is recomputed inline and
 *    compared task by task. The checksum array is returned, so JMH consumes it.
 *
 * Expect: poolSize 1 about inline's time, cores about 1/cores of it, beyond cores no gain (and a little loss to
 * context switches and cache sharing).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PoolSizeBenchmark implements AutoParams {

    /** This suite's {@code auto} values, for a trial run by plain JMH (see {@link AutoParams}). */
    static final AutoParams PARAMS = new PoolSizeBenchmark();

    /** {@code poolSize}: 1, cores, 2x cores, 4x cores of this machine (distinct values only), in every profile. */
    @Override
    public List<String> values(String param, Profile profile) {
        if (!"poolSize".equals(param)) {
            throw new IllegalArgumentException("no automatic values for @Param " + param);
        }
        return poolSizes(ModelTasks.CORES);
    }

    static List<String> poolSizes(int cores) {
        Set<String> sizes = new LinkedHashSet<>();
        for (int size : new int[] {1, cores, 2 * cores, 4 * cores}) {
            sizes.add(Integer.toString(size));
        }
        return List.copyOf(sizes);
    }

    /** One model with one pool size, on a batch sized for the largest pool. */
    @State(Scope.Thread)
    public static class Pool extends ModelTasks {
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
            int threads = Integer.parseInt(PARAMS.resolve("poolSize", poolSize));
            open(model, kernel, workUnits, threads, TASKS_PER_WORKER * 4 * CORES);
            if (ExecutionModels.VIRTUAL.equals(model)) {
                int carriers = VirtualCarriers.parallelism();
                if (carriers != threads) {
                    throw new IllegalStateException("virtual threads run on " + carriers + " carriers, not poolSize="
                            + threads + ": a virtual thread ran in this JVM before "
                            + VirtualCarriers.PARALLELISM_PROPERTY + " was set");
                }
            }
        }
    }

    @Benchmark
    public long[] batch(Pool tasks) {
        // The same batch whatever the pool size: only the number of threads sharing it changes.
        return tasks.runBatch();
    }
}
