package io.execbench.ipc;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How a shared-memory waiter waits: spin for {@link #SPIN_NS}, then yield the CPU until {@link #YIELD_NS}, then
 * park {@link #PARK_NS} at a time. Processes cannot unpark each other without a futex, so a long wait costs up to
 * one park period (plus the kernel's timer slack) of extra latency; a round trip that answers within the spin
 * window never enters the kernel at all.
 *
 * <p>Time is read only every {@link #CHECK_EVERY} rounds, so the spinning itself stays a tight loop of pause
 * instructions; {@link Liveness} is asked at the same rate.
 */
final class Backoff {

    static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long YIELD_NS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long PARK_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final int CHECK_EVERY = 64;

    private int rounds;
    private long startNs;
    private long waitedNs;

    /** Call once the awaited condition held, so the next wait starts by spinning again. */
    void reset() {
        rounds = 0;
    }

    void idle(Liveness liveness, long doneBytes, long wantedBytes) throws IOException {
        if (rounds++ == 0) {
            startNs = System.nanoTime();
            waitedNs = 0;
        }
        if (rounds % CHECK_EVERY == 0) {
            waitedNs = System.nanoTime() - startNs;
            liveness.check(waitedNs, doneBytes, wantedBytes);
        }
        if (waitedNs < SPIN_NS) {
            Thread.onSpinWait();
        } else if (waitedNs < YIELD_NS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(PARK_NS);
        }
    }
}
