package io.execbench.server;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Causal checks without clocks: whether a thread of this JVM is inside the heavy kernel right now, read from its
 * stack. A test waits until the heavy request is being computed, acts, and checks again, instead of guessing how long
 * the kernel takes.
 */
final class HeavyInFlight {

    private HeavyInFlight() {
    }

    /** Whether a thread whose name starts with {@code threadPrefix} is running the heavy route's kernel. */
    static boolean running(String threadPrefix) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(threadPrefix))
                .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(Handler.class.getName()) && frame.getMethodName().equals("heavy")));
    }

    /** Waits until {@link #running}; fails after {@code limitMs} (a hang, not a timing threshold). */
    static void awaitRunning(String threadPrefix, long limitMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMs);
        while (!running(threadPrefix)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no heavy request started on " + threadPrefix + "* in " + limitMs + " ms");
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
