package io.execbench.server;

import io.execbench.topology.Affinity;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Restricts server threads to the configured CPUs, if any. Failure is a warning on stderr (once per JVM), never an
 * error: a container's cpuset or another OS must not stop a run, only make it unpinned.
 */
final class Pinning {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Pinning() {
    }

    /** Pins the calling thread to {@code cpus}; does nothing for an empty list. */
    static void pinCurrentThread(List<Integer> cpus) {
        if (cpus.isEmpty()) {
            return;
        }
        Affinity.Result result = Affinity.pinCurrentThread(cpus);
        if (!result.ok() && WARNED.compareAndSet(false, true)) {
            System.err.println("execbench server: threads left unpinned: " + result.failure());
        }
    }

    /** Platform threads named {@code name-N}, each pinned to {@code cpus} as it starts. */
    static ThreadFactory threads(String name, List<Integer> cpus) {
        AtomicInteger count = new AtomicInteger();
        return task -> Thread.ofPlatform().name(name + "-" + count.incrementAndGet()).daemon().unstarted(() -> {
            pinCurrentThread(cpus);
            task.run();
        });
    }
}
