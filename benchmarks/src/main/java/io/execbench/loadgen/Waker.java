package io.execbench.loadgen;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the generator's selector at a set time, to the tens of microseconds: {@link Selector#select(long)} only
 * waits in whole milliseconds, and polling until a due send would keep a CPU busy that the server under test
 * needs (on a 2-CPU machine, half of it). The loop blocks in {@code select()} (so a reply wakes it at once and is
 * stamped as it arrives) and this thread, parked until the next due send ({@link LockSupport#parkNanos}, which
 * oversleeps by the kernel's timer slack, about 50 us), calls {@link Selector#wakeup()}. A send is then late by that
 * much at most, and the lateness is charged to the request's latency (measured from its intended time) and recorded
 * as the run's send lag, never hidden.
 *
 * <p>One per run; its CPU time counts as the generator's.
 */
final class Waker implements AutoCloseable {

    private static final long NONE = Long.MAX_VALUE;

    private final Selector selector;
    private final Thread thread;
    private volatile long atNs = NONE;
    private volatile boolean closed;

    Waker(Selector selector) {
        this.selector = selector;
        this.thread = new Thread(this::run, LoadGenerator.THREAD_NAME + "-waker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wake the selector at {@code nanoTime} (replacing any earlier request). */
    void wakeAt(long nanoTime) {
        atNs = nanoTime;
        LockSupport.unpark(thread);
    }

    /** No wake-up is wanted any more (one already on its way makes the next select return at once, harmlessly). */
    void cancel() {
        atNs = NONE;
    }

    /** This thread's CPU time so far, or -1 where the JVM cannot tell. */
    long cpuNs() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.threadId()) : -1;
    }

    private void run() {
        while (!closed) {
            long at = atNs;
            if (at == NONE) {
                LockSupport.park(this);
                continue;
            }
            long leftNs = at - System.nanoTime();
            if (leftNs > 0) {
                LockSupport.parkNanos(this, leftNs);
            } else if (atNs == at) {
                atNs = NONE;
                selector.wakeup();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
