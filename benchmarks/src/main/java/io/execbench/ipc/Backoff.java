package io.execbench.ipc;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The busy half of a shared-memory waiter, in three phases: spin on pause instructions for {@link #SPIN_NS}, then
 * spin with a {@link Thread#yield()} each round until {@link #YIELD_NS}, then tell the caller to sleep
 * ({@link ByteRing} sleeps on a {@link Futex}, which the other side wakes).
 *
 * <p>Why three: when the other side runs on another CPU it answers within a microsecond or two, and pure spinning
 * catches that without entering the kernel. When it is waiting for <em>this</em> CPU (the scheduler put both ends
 * on one CPU, or the machine is oversubscribed), every further pause instruction only delays it; a yield hands it
 * the CPU at once (about one system call), where spinning on would cost the whole spin window per message. A
 * sleep then bounds the CPU burnt while the other side has nothing to say.
 *
 * <p>Time is read only every {@link #CHECK_EVERY} rounds, so the spin stays a tight loop; {@link Liveness} is
 * asked at the same rate and after every sleep.
 */
final class Backoff {

    static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(1);
    static final long YIELD_NS = TimeUnit.MICROSECONDS.toNanos(50);
    /** The longest sleep between two liveness checks. */
    static final long SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int CHECK_EVERY = 8;

    private int rounds;
    private long startNs;
    private long waitedNs;

    /** Call once the awaited condition held, so the next wait starts by spinning again. */
    void reset() {
        rounds = 0;
    }

    /** Spins (or yields) once and returns true within the busy phases; false when it is time to sleep. */
    boolean spin(Liveness liveness, long doneBytes, long wantedBytes) throws IOException {
        if (rounds++ == 0) {
            startNs = System.nanoTime();
            waitedNs = 0;
        }
        if (rounds % CHECK_EVERY == 0 || waitedNs >= SPIN_NS) {
            waitedNs = System.nanoTime() - startNs;
            liveness.check(waitedNs, doneBytes, wantedBytes);
        }
        if (waitedNs < SPIN_NS) {
            Thread.onSpinWait();
            return true;
        }
        if (waitedNs < YIELD_NS) {
            Thread.yield();
            return true;
        }
        return false;
    }

    /** After a sleep: asks liveness again, with the time waited so far. */
    void slept(Liveness liveness, long doneBytes, long wantedBytes) throws IOException {
        waitedNs = System.nanoTime() - startNs;
        liveness.check(waitedNs, doneBytes, wantedBytes);
    }
}
