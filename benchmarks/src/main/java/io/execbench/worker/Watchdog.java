package io.execbench.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills workers that have owed a reply for longer than the timeout, so that the parent's blocking read ends (with
 * end of stream) instead of hanging the benchmark. A pipe read cannot time out by itself, and a reader thread per
 * worker would put a thread hand-off into every measured round trip; this costs the timed path one volatile write
 * per send and per reply, and one wake-up every {@code timeout / 4} (at most 100 ms) on the side.
 */
public final class Watchdog implements AutoCloseable {

    private final long timeoutNs;
    private final Set<WorkerProcess> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    public Watchdog(Duration timeout) {
        this.timeoutNs = timeout.toNanos();
        long periodMs = Math.clamp(timeout.toMillis() / 4, 1, 100);
        this.thread = Thread.ofPlatform().daemon().name("execbench-worker-watchdog").start(() -> loop(periodMs));
    }

    Duration timeout() {
        return Duration.ofNanos(timeoutNs);
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
                worker.killIfSilentSince(now - timeoutNs);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
