package io.execbench.ipc;

import io.execbench.topology.Affinity;
import java.util.List;
import java.util.Locale;

/**
 * Where the two ends of a transport run. Placement decides more than the mechanism at small payloads: waking a
 * task on the other CPU costs several times a switch on the same CPU (the C ping-pong in benchmarks/src/test/c
 * measures both, with and without "split"), and a spinning shared-memory waiter only pays off when the other end
 * runs on another CPU at the same time.
 *
 * <ul>
 *   <li>{@code split}: the caller pinned to the first CPU it may use, the peer to the second, as the reference C
 *       ping-pong figures were measured; the default where two CPUs can be pinned.</li>
 *   <li>{@code same}: both pinned to the first CPU: every hand-off is a context switch.</li>
 *   <li>{@code os}: nothing pinned, the scheduler decides (as {@code perf bench sched pipe} does); futex wake-ups
 *       tend to pull the woken end onto the waker's CPU, so results vary between runs.</li>
 * </ul>
 */
public enum IpcPlacement {
    OS, SPLIT, SAME;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code os}, {@code split} or {@code same}; {@code auto} (JMH without the execbench runner): {@link #best()}. */
    public static IpcPlacement parse(String label) {
        if (label.equals("auto")) {
            return best();
        }
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown placement '" + label + "': expected os, split or same");
        }
    }

    /** split where this thread may run on two CPUs and pinning works, else os. */
    public static IpcPlacement best() {
        return allowedCpus().size() >= 2 ? SPLIT : OS;
    }

    /** The CPU the caller pins itself to, or -1 for none. */
    public int callerCpu() {
        return this == OS ? -1 : allowedCpus().getFirst();
    }

    /** The CPU the peer pins itself to, or -1 for none. */
    public int peerCpu() {
        return switch (this) {
            case OS -> -1;
            case SAME -> allowedCpus().getFirst();
            case SPLIT -> {
                List<Integer> cpus = allowedCpus();
                if (cpus.size() < 2) {
                    throw new IllegalStateException("placement split needs two CPUs, this thread may use " + cpus);
                }
                yield cpus.get(1);
            }
        };
    }

    /**
     * Pins the calling thread to {@code cpu} (nothing for -1).
     *
     * @throws IllegalStateException when the OS refuses: a placement that is not what its label says must not be
     *                               measured
     */
    static void pinCurrentThread(int cpu) {
        if (cpu < 0) {
            return;
        }
        Affinity.Result result = Affinity.pinCurrentThread(List.of(cpu));
        if (!result.ok() || !result.cpus().orElseThrow().equals(List.of(cpu))) {
            throw new IllegalStateException("cannot pin " + Thread.currentThread().getName() + " to CPU " + cpu
                    + ": " + (result.ok() ? "mask reads back as " + result.cpus().orElseThrow() : result.failure()));
        }
    }

    private static List<Integer> allowedCpus() {
        Affinity.Result result = Affinity.currentThreadCpus();
        return result.ok() ? result.cpus().orElseThrow() : List.of();
    }
}
