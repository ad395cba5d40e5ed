package io.execbench.cpu;

import io.execbench.workload.Kernel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Tasks submitted one by one to an {@link ExecutorService} and awaited: the event loop (one thread), the fixed
 * pool, the ForkJoinPool, and virtual threads (a new one per task) all pay this same submit-and-wait path, so the
 * differences between them are the executors' own.
 */
final class ExecutorModel implements ExecutionModel {

    private final String name;
    private final ExecutorService executor;

    ExecutorModel(String name, ExecutorService executor) {
        this.name = name;
        this.executor = executor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(Kernel kernel, int workUnits, long[] seeds, long[] checksums) {
        Future<?>[] pending = new Future<?>[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            int task = i;
            pending[i] = executor.submit(() -> {
                checksums[task] = kernel.run(seeds[task], workUnits);
            });
        }
        // Future.get() orders each task's write to checksums before our read of it.
        for (int i = 0; i < pending.length; i++) {
            await(pending[i], i);
        }
    }

    private void await(Future<?> task, int index) {
        try {
            task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": task " + index + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while awaiting task " + index, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": threads still running 10 s after shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
