package io.execbench.ipc;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The spinning half of a shared-memory waiter: spin on pause instructions for a while, then tell the caller to
 * sleep ({@link ByteRing} sleeps on a {@link Futex}, which the other side wakes). A round trip answered within
 * the spin window never enters the kernel; one that is not costs a futex wait and wake, about what a pipe costs.
 *
 * <p>The spin window adapts, as adaptive mutexes do: it doubles (up to {@link #MAX_SPIN_NS}) after a wait that
 * spinning satisfied, and halves (down to {@link #MIN_SPIN_NS}) after one that ended in a sleep. On an idle machine
 * the other side answers within microseconds and the window stays long; on an oversubscribed one the other side is
 * often not running at all, every spin would be wasted CPU that it needs, and the window shrinks until waiting
 * costs about what blocking transports pay.
 *
 * <p>Time is read only every {@link #CHECK_EVERY} rounds, so the spin stays a tight loop; {@link Liveness} is
 * asked at the same rate and after every sleep.
 */
final class Backoff {

    static final long MAX_SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long MIN_SPIN_NS = TimeUnit.MICROSECONDS.toNanos(1);
    /** The longest sleep between two liveness checks. */
    static final long SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int CHECK_EVERY = 8;

    private long spinLimitNs = MAX_SPIN_NS;
    private int rounds;
    private long startNs;
    private long waitedNs;
    private boolean slept;

    /** Call once the awaited condition held, so the next wait starts by spinning again. */
    void reset() {
        if (rounds != 0) {
            spinLimitNs = slept ? Math.max(MIN_SPIN_NS, spinLimitNs / 2) : Math.min(MAX_SPIN_NS, spinLimitNs * 2);
        }
        rounds = 0;
    }

    /** Spins once and returns true while within the spin window; returns false when it is time to sleep. */
    boolean spin(Liveness liveness, long doneBytes, long wantedBytes) throws IOException {
        if (rounds++ == 0) {
            startNs = System.nanoTime();
            waitedNs = 0;
            slept = false;
        }
        if (rounds % CHECK_EVERY == 0) {
            waitedNs = System.nanoTime() - startNs;
            liveness.check(waitedNs, doneBytes, wantedBytes);
        }
        if (waitedNs < spinLimitNs) {
            Thread.onSpinWait();
            return true;
        }
        return false;
    }

    /** After a sleep: asks liveness again, with the time waited so far. */
    void slept(Liveness liveness, long doneBytes, long wantedBytes) throws IOException {
        slept = true;
        waitedNs = System.nanoTime() - startNs;
        liveness.check(waitedNs, doneBytes, wantedBytes);
    }
}
