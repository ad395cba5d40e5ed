package io.execbench.ipc;

/**
 * How long one call of a transport may wait without progress. While the transport is set up it is the start-up
 * timeout: the first round trip includes the peer JVM's start (for {@code pipe}, nothing else waits for it) and its
 * class loading, which take seconds on a busy machine. After that first round trip it is the caller's timeout,
 * which only a stalled or truncated conversation should reach.
 *
 * <p>Read by the transport's watchdog and by a ring link's liveness check on every check (a volatile read, outside
 * the timed fast path of a call).
 */
final class CallTimeout {

    private final long startupMs;
    private final long steadyMs;
    private volatile long currentMs;

    CallTimeout(long startupMs, long steadyMs) {
        if (startupMs <= 0 || steadyMs <= 0) {
            throw new IllegalArgumentException("timeouts must be positive, got start-up " + startupMs + " ms and "
                    + steadyMs + " ms");
        }
        this.startupMs = startupMs;
        this.steadyMs = steadyMs;
        this.currentMs = startupMs;
    }

    /** The timeout that applies now, in milliseconds. */
    long ms() {
        return currentMs;
    }

    long startupMs() {
        return startupMs;
    }

    /** The first round trip is done: from now on, calls get the caller's timeout. */
    void settle() {
        currentMs = steadyMs;
    }
}
