package io.execbench.cpu;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The number of platform threads ("carriers") that run virtual threads. The JDK fixes it once per JVM, from the
 * system property {@code jdk.virtualThreadScheduler.parallelism}, when the first virtual thread is created; there is
 * no public API to give virtual threads another scheduler. A JMH fork runs one trial of one benchmark, so setting
 * the property before the fork's first virtual thread sizes the carriers for that trial, and {@link #observe}
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
     * Counts the distinct carriers seen by {@code threads} virtual threads that each spin for {@code spinMicros}:
     * spinning (not sleeping) holds the carrier, so the scheduler must bring up every carrier it has.
     */
    public static int observe(int threads, long spinMicros) throws InterruptedException {
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        Thread[] started = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            started[i] = Thread.ofVirtual().start(() -> {
                carriers.add(carrierName());
                long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(spinMicros);
                while (System.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                }
            });
        }
        for (Thread thread : started) {
            thread.join();
        }
        return carriers.size();
    }

    /** A virtual thread prints as {@code VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1}: the part after '@'. */
    private static String carrierName() {
        String text = Thread.currentThread().toString();
        return text.substring(text.lastIndexOf('@') + 1);
    }
}
