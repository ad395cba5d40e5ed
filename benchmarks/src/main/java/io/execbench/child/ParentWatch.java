package io.execbench.child;

import java.util.Optional;

/**
 * Ends a child JVM when its parent is gone, whatever the child is doing. A child that waits for the end of its stdin
 * notices a dead parent only at its next read; one busy in a long task, stalled, or with more tasks already queued in
 * its pipe would outlive the parent by minutes. This daemon thread looks every {@value #PERIOD_MS} ms whether the
 * process's parent is still the one that started it (Linux re-parents an orphan, even after {@code kill -9} of its
 * parent); when not, it runs the child's last words (deleting its files) and halts the JVM.
 *
 * <p>Cost: one read of the process's own status per period, on a thread of its own: nothing on a measured path.
 */
public final class ParentWatch {

    static final long PERIOD_MS = 200;
    /** The exit status of a child that outlived its parent; nobody is left to read it. */
    static final int EXIT_PARENT_GONE = 0;

    private ParentWatch() {
    }

    /**
     * Starts watching the parent named by {@value ChildJvm#PARENT_PID_PROPERTY} (set by {@link ChildJvm}), or the
     * parent this process has now if the property is absent (started by hand).
     *
     * @param lastWords what to do before halting (must be quick; the JVM halts right after, no shutdown hook runs)
     */
    public static Thread start(Runnable lastWords) {
        long parent = Long.getLong(ChildJvm.PARENT_PID_PROPERTY, currentParent().orElse(-1L));
        return Thread.ofPlatform().daemon().name("execbench-parent-watch").start(() -> watch(parent, lastWords));
    }

    private static void watch(long parent, Runnable lastWords) {
        while (currentParent().orElse(-1L) == parent) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // only this thread's owner interrupts it, to stop watching
            }
        }
        try {
            lastWords.run();
        } finally {
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        }
    }

    private static Optional<Long> currentParent() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }
}
