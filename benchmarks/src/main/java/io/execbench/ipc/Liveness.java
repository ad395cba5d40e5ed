package io.execbench.ipc;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * What a spinning or parked waiter asks, now and then, before waiting on: is the other side still there, and is
 * there still time? A shared-memory ring has no end-of-stream, so without this a dead peer would be a hang.
 */
@FunctionalInterface
interface Liveness {

    /**
     * Waits for as long as it takes, unless interrupted: a peer waits for requests for as long as its parent lives
     * (its stdin watcher ends it), a peer thread until its transport interrupts it.
     */
    Liveness FOREVER = (waitedNs, done, wanted) -> throwIfInterrupted(done, wanted);

    /**
     * Throws {@link EndOfStream} when the other side is gone, {@link InterruptedIOException} when the wait has
     * lasted too long or the thread was interrupted (interrupt flag kept); either says {@code done of wanted} bytes.
     *
     * @param waitedNs how long this wait has lasted without progress
     */
    void check(long waitedNs, long doneBytes, long wantedBytes) throws IOException;

    static void throwIfInterrupted(long doneBytes, long wantedBytes) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) { // the flag stays set for the caller to see
            InterruptedIOException e = new InterruptedIOException("interrupted after " + doneBytes + " of "
                    + wantedBytes + " bytes");
            e.bytesTransferred = (int) Math.min(Integer.MAX_VALUE, doneBytes);
            throw e;
        }
    }
}
