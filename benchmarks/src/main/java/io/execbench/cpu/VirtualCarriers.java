package io.execbench.cpu;

import java.lang.management.ManagementFactory;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * The number of platform threads ("carriers") that run virtual threads. The JDK fixes it once per JVM, from the
 * system property {@code jdk.virtualThreadScheduler.parallelism}, when the first virtual thread is created; there is
 * no public API to give virtual threads another scheduler. A JMH fork runs one trial of one benchmark, so setting
 * the property before the fork's first virtual thread sizes the carriers for that trial, and {@link #parallelism}
 * checks afterwards that it worked.
 */
public final class VirtualCarriers {

    static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private VirtualCarriers() {
    }

    /** Asks for {@code carriers} carriers; effective only if no virtual thread has run in this JVM yet. */
    public static void request(int carriers) {
        System.setProperty(PARALLELISM_PROPERTY, Integer.toString(carriers));
    }

    /**
     * The virtual thread scheduler's parallelism, as the JDK reports it ({@code VirtualThreadSchedulerMXBean}): the
     * number of carriers it runs virtual threads on, fixed when the scheduler was created. Equal to what
     * {@link #request} asked for exactly when the request came before the scheduler existed. Read from the JDK, not
     * by watching which carriers a few spinning virtual threads land on: on a busy host the scheduler may not bring up
     * its last carrier within any fixed look, which made that check fail on a correct pool.
     */
    public static int parallelism() {
        return ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class).getParallelism();
    }
}
