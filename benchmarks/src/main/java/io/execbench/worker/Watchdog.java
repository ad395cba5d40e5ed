package io.execbench.worker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills workers that are overdue (no hello within the start-up timeout of their launch, or the parent blocked on one
 * worker, sending to it or reading its reply, for longer than the reply timeout), so that the parent's blocking read
 * ends (with end of stream) instead of hanging the benchmark. A pipe read cannot time out by itself, and a reader
 * thread per worker would put a thread hand-off into every measured round trip; this costs the timed path two
 * volatile writes per send, flush and reply, and one wake-up every quarter of the shorter timeout (at most every
 * 100 ms) on the side.
 */
public final class Watchdog implements AutoCloseable {

    private final WorkerTimeouts timeouts;
    private final Set<WorkerProcess> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    public Watchdog(WorkerTimeouts timeouts) {
        this.timeouts = timeouts;
        long shorterMs = Math.min(timeouts.startup().toMillis(), timeouts.reply().toMillis());
        long periodMs = Math.clamp(shorterMs / 4, 1, 100);
        this.thread = Thread.ofPlatform().daemon().name("execbench-worker-watchdog").start(() -> loop(periodMs));
    }

    public WorkerTimeouts timeouts() {
        return timeouts;
    }

    void watch(WorkerProcess worker) {
        watched.add(worker);
    }

    void forget(WorkerProcess worker) {
        watched.remove(worker);
    }

    private void loop(long periodMs) {
        while (!closed) {
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            for (WorkerProcess worker : watched) {
                worker.killIfOverdue(now);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
