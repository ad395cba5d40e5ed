package io.execbench.cpu;

import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import io.execbench.workload.MemoryKernel;
import io.execbench.workload.Seeds;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every state of the execution-model suites ({@link OffloadBenchmark}, {@link PoolSizeBenchmark},
 * {@link TaskLatencyBenchmark}) shares: one model, one kernel, a batch of seeds renewed per call, and the check,
 * outside the timed region, that the model's last batch has inline's checksums.
 * Subclasses declare the {@code @Param}s and call {@link #open} from their trial set-up.
 */
public abstract class ModelTasks {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Tasks queued per worker in a batch: enough that no worker waits for the next one. */
    static final int TASKS_PER_WORKER = 4;

    ExecutionModel model;
    Kernel kernel;
    int workUnits;
    long seed = Seeds.FIRST;
    long[] seeds;
    long[] checksums;

    /**
     * Builds the kernel and the model, then runs one batch and verifies it: the model's threads or workers are up
     * (and a worker's memory chain built) before the first timed call, and a wrong model fails before any timing.
     */
    void open(String modelName, String kernelName, int units, int poolSize, int batchSize) {
        kernel = Kernels.create(kernelName);
        // Workers must walk the same chain as this JVM's memory kernel, or no checksum would match.
        long footprintBytes = kernel instanceof MemoryKernel memory
                ? memory.footprintBytes() : Kernels.memoryFootprintBytes();
        model = ExecutionModels.create(modelName, poolSize, footprintBytes);
        workUnits = units;
        seeds = new long[batchSize];
        checksums = new long[batchSize];
        runBatch();
        verify();
    }

    /** The measured call: new seeds, every task through the model. */
    long[] runBatch() {
        long s = seed;
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = s = Seeds.next(s);
        }
        seed = s;
        model.run(kernel, workUnits, seeds, checksums);
        return checksums;
    }

    @TearDown(Level.Iteration)
    public void verify() {
        for (int i = 0; i < seeds.length; i++) {
            long expected = kernel.run(seeds[i], workUnits);
            if (checksums[i] != expected) {
                throw new IllegalStateException(model.name() + " ran kernel " + kernel.name() + " with workUnits="
                        + workUnits + " and seed " + seeds[i] + " (task " + i + " of " + seeds.length
                        + ") and returned checksum " + checksums[i] + ", inline gives " + expected
                        + "; batch " + Arrays.toString(checksums));
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (model != null) {
            model.close();
        }
        if (kernel instanceof AutoCloseable closeable) {
            try {
                closeable.close(); // a user's workload: its tearDown()
            } catch (Exception e) {
                throw new IllegalStateException(kernel.name() + ": " + e, e);
            }
        }
    }
}
