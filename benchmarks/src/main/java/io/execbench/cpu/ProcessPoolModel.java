package io.execbench.cpu;

import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import io.execbench.workload.MemoryKernel;
import io.execbench.worker.WorkerPool;

/** Tasks sent round-robin to a pool of long-lived worker JVMs over their stdin and stdout pipes. */
final class ProcessPoolModel implements ExecutionModel {

    private final WorkerPool pool;
    private final long memoryFootprintBytes;

    ProcessPoolModel(WorkerPool pool, long memoryFootprintBytes) {
        this.pool = pool;
        this.memoryFootprintBytes = memoryFootprintBytes;
    }

    @Override
    public String name() {
        return ExecutionModels.PROCESSES;
    }

    WorkerPool pool() {
        return pool;
    }

    @Override
    public void run(Kernel kernel, int workUnits, long[] seeds, long[] checksums) {
        pool.run(kernelId(kernel, memoryFootprintBytes), workUnits, seeds, checksums);
    }

    /**
     * The protocol id of {@code kernel}, refusing a memory kernel whose chain differs from the workers' (their
     * checksums would differ, and the work too).
     */
    static byte kernelId(Kernel kernel, long workerFootprintBytes) {
        if (kernel instanceof MemoryKernel memory && memory.footprintBytes() != workerFootprintBytes) {
            throw new IllegalArgumentException("memory kernel spans " + memory.footprintBytes()
                    + " bytes but the workers' spans " + workerFootprintBytes);
        }
        int id = Kernels.NAMES.indexOf(kernel.name());
        if (id < 0) {
            throw new IllegalArgumentException("workers cannot run kernel " + kernel.name());
        }
        return (byte) id;
    }

    @Override
    public void close() {
        pool.close();
    }
}
