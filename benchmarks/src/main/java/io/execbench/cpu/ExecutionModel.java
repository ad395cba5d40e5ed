package io.execbench.cpu;

import io.execbench.workload.Kernel;

/**
 * One way of running CPU-bound tasks: on the caller's thread, on an executor, on virtual threads, or in other
 * processes. Every model runs the same {@link Kernel}s, so the checksums prove they all did the same work.
 *
 * <p>Lifetime: build one per trial ({@link ExecutionModels#create}), and {@link #close()} it at tear-down; thread
 * and process start-up stay out of the measurement.
 */
public interface ExecutionModel extends AutoCloseable {

    /** The name used in {@code @Param("model")} values, results and reports. */
    String name();

    /**
     * Runs one task per seed, each {@code kernel.run(seeds[i], workUnits)}, and returns when all have finished.
     *
     * @param checksums receives the checksum of task {@code i} at index {@code i}
     * @throws RuntimeException if any task failed; its cause or message names the task or worker
     */
    void run(Kernel kernel, int workUnits, long[] seeds, long[] checksums);

    /** Stops the model's threads or processes. */
    @Override
    void close();
}
