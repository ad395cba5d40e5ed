package io.execbench.cpu;

import io.execbench.workload.Kernel;
import io.execbench.worker.Watchdog;
import io.execbench.worker.WorkerCommand;
import io.execbench.worker.WorkerFailedException;
import io.execbench.worker.WorkerProcess;
import io.execbench.worker.WorkerTimeouts;

/**
 * A fresh worker JVM for every task: started, sent its one task, read, told to exit and reaped, all inside the
 * call. Every task of a batch is launched before any is awaited, so the start-ups overlap as far as the CPUs allow.
 * It exists to put a price on a process start next to a pooled worker doing the same task.
 */
final class SpawnPerTaskModel implements ExecutionModel {

    private final WorkerCommand command;
    private final long memoryFootprintBytes;
    private final Watchdog watchdog = new Watchdog(WorkerTimeouts.DEFAULT);

    SpawnPerTaskModel(WorkerCommand command, long memoryFootprintBytes) {
        this.command = command;
        this.memoryFootprintBytes = memoryFootprintBytes;
    }

    @Override
    public String name() {
        return ExecutionModels.SPAWN_PER_TASK;
    }

    @Override
    public void run(Kernel kernel, int workUnits, long[] seeds, long[] checksums) {
        byte kernelId = ProcessPoolModel.kernelId(kernel, memoryFootprintBytes);
        WorkerProcess[] workers = new WorkerProcess[seeds.length];
        try {
            for (int i = 0; i < seeds.length; i++) {
                workers[i] = WorkerProcess.launch(command, "task " + i + "'s worker", watchdog);
            }
            for (int i = 0; i < seeds.length; i++) {
                checksums[i] = workers[i].awaitHello().call(kernelId, workUnits, seeds[i]);
                workers[i].close(); // the reaping is part of what a process per task costs
                workers[i] = null;
            }
        } catch (WorkerFailedException e) {
            for (WorkerProcess worker : workers) {
                if (worker != null) {
                    worker.destroy();
                    worker.close();
                }
            }
            throw e;
        }
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
