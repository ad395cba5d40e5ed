package io.execbench.cpu;

import io.execbench.workload.Kernels;
import io.execbench.worker.WorkerCommand;
import io.execbench.worker.WorkerPool;
import io.execbench.worker.WorkerTimeouts;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/** Resolves a {@code model} parameter value to a fresh {@link ExecutionModel}; the one place that knows them all. */
public final class ExecutionModels {

    public static final String INLINE = "inline";
    public static final String EVENT_LOOP = "eventLoop";
    public static final String FIXED_POOL = "fixedPool";
    public static final String FORK_JOIN = "forkJoin";
    public static final String VIRTUAL = "virtual";
    public static final String PROCESSES = "processes";
    public static final String SPAWN_PER_TASK = "spawnPerTask";

    /** Every model name, in report order. */
    public static final List<String> NAMES =
            List.of(INLINE, EVENT_LOOP, FIXED_POOL, FORK_JOIN, VIRTUAL, PROCESSES, SPAWN_PER_TASK);

    private ExecutionModels() {
    }

    /** The processes model over a pool started by the caller (e.g. of workers told to misbehave). */
    public static ExecutionModel processPool(WorkerPool pool, long memoryFootprintBytes) {
        return new ProcessPoolModel(pool, memoryFootprintBytes);
    }

    /** A model with {@code poolSize} threads or processes, whose workers build a memory kernel of this JVM's size. */
    public static ExecutionModel create(String name, int poolSize) {
        return create(name, poolSize, Kernels.memoryFootprintBytes());
    }

    /**
     * A model with {@code poolSize} threads or processes ({@code inline} and {@code eventLoop} ignore it; for
     * {@code virtual} it is the number of carriers, see {@link VirtualCarriers}). Worker processes build their
     * memory kernel over {@code memoryFootprintBytes}, which must be the caller's kernel's footprint.
     */
    public static ExecutionModel create(String name, int poolSize, long memoryFootprintBytes) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        return switch (name) {
            case INLINE -> new InlineModel();
            case EVENT_LOOP -> new ExecutorModel(name, Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("execbench-event-loop").factory()));
            case FIXED_POOL -> new ExecutorModel(name, Executors.newFixedThreadPool(poolSize,
                    Thread.ofPlatform().name("execbench-pool-", 0).factory()));
            case FORK_JOIN -> new ExecutorModel(name, new ForkJoinPool(poolSize));
            case VIRTUAL -> {
                VirtualCarriers.request(poolSize);
                yield new ExecutorModel(name, Executors.newVirtualThreadPerTaskExecutor());
            }
            case PROCESSES -> new ProcessPoolModel(WorkerPool.start(WorkerCommand.standard(memoryFootprintBytes),
                    poolSize, WorkerTimeouts.DEFAULT), memoryFootprintBytes);
            case SPAWN_PER_TASK -> new SpawnPerTaskModel(WorkerCommand.standard(memoryFootprintBytes),
                    memoryFootprintBytes);
            default -> throw new IllegalArgumentException("unknown model '" + name + "', expected one of " + NAMES);
        };
    }
}
