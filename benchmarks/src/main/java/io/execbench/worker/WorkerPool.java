package io.execbench.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A fixed number of long-lived worker JVMs, fed batches of tasks round-robin over their pipes.
 *
 * <p>Lifetime: workers are started by {@link #start} (all launched first, so their start-ups overlap) and stopped by
 * {@link #close()}. Should this JVM end without closing the pool, the shutdown hook of
 * {@link io.execbench.child.ProcessTree} stops them; should it be killed outright ({@code kill -9}, no hook runs),
 * each worker ends by itself: at the end of its stdin, or through its {@link io.execbench.child.ParentWatch} when it
 * is busy.
 *
 * <p>Faults: a worker that exits, hangs past its {@link WorkerTimeouts} (a start-up timeout until its hello, a reply
 * timeout after) or answers garbage makes the call throw a
 * {@link WorkerFailedException} naming it; the other workers' replies to the same batch are still read, so they
 * stay in step, and the failed worker is replaced on the pool's next use.
 *
 * <p>Not thread-safe: one thread (the benchmark's) drives the pool.
 */
public final class WorkerPool implements AutoCloseable {

    private final WorkerCommand command;
    private final WorkerProcess[] workers;
    private final Watchdog watchdog;
    private int nextForCall;
    private int replaced;

    private WorkerPool(WorkerCommand command, int size, WorkerTimeouts timeouts) {
        this.command = command;
        this.workers = new WorkerProcess[size];
        this.watchdog = new Watchdog(timeouts);
    }

    /** Starts {@code size} workers and waits until each has said hello (each within the start-up timeout). */
    public static WorkerPool start(WorkerCommand command, int size, WorkerTimeouts timeouts) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, got " + size);
        }
        WorkerPool pool = new WorkerPool(Objects.requireNonNull(command), size, Objects.requireNonNull(timeouts));
        try {
            for (int slot = 0; slot < size; slot++) {
                pool.workers[slot] = WorkerProcess.launch(command, label(slot), pool.watchdog);
            }
            for (WorkerProcess worker : pool.workers) {
                worker.awaitHello();
            }
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public int size() {
        return workers.length;
    }

    /** How many workers were replaced after a failure. */
    public int replaced() {
        return replaced;
    }

    /** The pids of the current workers, in slot order (starting any replacement that is due). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (int slot = 0; slot < workers.length; slot++) {
            pids.add(worker(slot).pid());
        }
        return pids;
    }

    /** Runs one task on the next worker in turn and returns its checksum. */
    public long call(byte kernel, int workUnits, long seed) {
        int slot = nextForCall;
        nextForCall = (slot + 1) % workers.length;
        WorkerProcess worker = worker(slot);
        try {
            return worker.call(kernel, workUnits, seed);
        } catch (WorkerFailedException e) {
            retireIfBroken(slot);
            throw e;
        }
    }

    /** Runs task {@code i} (seed {@code seeds[i]}) on worker {@code i % size}; {@code checksums[i]} gets its result. */
    public void run(byte kernel, int workUnits, long[] seeds, long[] checksums) {
        int size = workers.length;
        WorkerFailedException first = null;
        boolean[] lost = new boolean[size];
        for (int i = 0; i < seeds.length; i++) {
            int slot = i % size;
            if (!lost[slot]) {
                try {
                    worker(slot).send(kernel, workUnits, seeds[i]);
                } catch (WorkerFailedException e) {
                    first = remember(first, e);
                    lost[slot] = true;
                }
            }
        }
        for (int slot = 0; slot < Math.min(size, seeds.length); slot++) {
            if (!lost[slot]) {
                try {
                    workers[slot].flush();
                } catch (WorkerFailedException e) {
                    first = remember(first, e);
                    lost[slot] = true;
                }
            }
        }
        for (int i = 0; i < seeds.length; i++) {
            int slot = i % size;
            if (!lost[slot]) {
                try {
                    checksums[i] = workers[slot].receive();
                } catch (WorkerFailedException e) {
                    first = remember(first, e);
                    lost[slot] = !workers[slot].healthy(); // a task that failed there leaves the worker in step
                }
            }
        }
        if (first != null) {
            for (int slot = 0; slot < size; slot++) {
                retireIfBroken(slot);
            }
            throw first;
        }
    }

    private static WorkerFailedException remember(WorkerFailedException first, WorkerFailedException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** The worker in {@code slot}, started now if the previous one was retired. */
    private WorkerProcess worker(int slot) {
        WorkerProcess worker = workers[slot];
        if (worker == null) {
            worker = WorkerProcess.launch(command, label(slot), watchdog);
            try {
                worker.awaitHello();
            } catch (RuntimeException e) {
                worker.destroy();
                worker.close();
                throw e;
            }
            workers[slot] = worker;
            replaced++;
        }
        return worker;
    }

    private void retireIfBroken(int slot) {
        WorkerProcess worker = workers[slot];
        if (worker != null && !worker.healthy()) {
            worker.destroy();
            worker.close();
            workers[slot] = null;
        }
    }

    private static String label(int slot) {
        return "worker " + slot;
    }

    /** Closes every worker's stdin and waits for them to exit (killing any that linger). */
    @Override
    public void close() {
        for (WorkerProcess worker : workers) {
            if (worker != null) {
                worker.close();
            }
        }
        Arrays.fill(workers, null);
        watchdog.close();
    }
}
