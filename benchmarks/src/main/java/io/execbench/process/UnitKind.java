package io.execbench.process;

import java.util.Locale;

/**
 * A unit of concurrency whose memory {@link MemorySweep} measures: a platform thread, a virtual thread, or a whole
 * worker JVM. Each is parked in the same blocking call, {@code CountDownLatch.await()} ({@link ParkedUnits}).
 */
public enum UnitKind {
    PLATFORM,
    VIRTUAL,
    JVM;

    /** Parses {@code platform}, {@code virtual} or {@code jvm}. */
    public static UnitKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown unit '" + name + "': expected platform, virtual or jvm");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
