package io.execbench.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a worker may keep its parent waiting, in two separate budgets: a JVM start is not a reply. On a loaded
 * two-CPU machine a worker JVM can take seconds from launch to its hello, while a steady worker answers a small
 * task in microseconds; one budget for both would either kill healthy workers at start-up or wait a minute for a
 * hung one.
 *
 * @param startup from launch to the worker's hello frame
 * @param reply   how long the parent may wait, blocked, on one worker: sending it tasks, or reading its next reply
 */
public record WorkerTimeouts(Duration startup, Duration reply) {

    /**
     * Start-up: a minute, since a JVM started on a machine whose CPUs are busy with a build has been seen to take
     * several seconds. Reply: long enough for the memory kernel to build its chain on a worker's first task, short
     * next to JMH's own benchmark timeout.
     */
    public static final WorkerTimeouts DEFAULT = new WorkerTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(20));

    public WorkerTimeouts {
        requirePositive("startup", startup);
        requirePositive("reply", reply);
    }

    /** These timeouts with another reply timeout (the fault tests use a short one). */
    public WorkerTimeouts withReply(Duration otherReply) {
        return new WorkerTimeouts(startup, otherReply);
    }

    private static void requirePositive(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive, got " + timeout);
        }
    }
}
