package io.execbench.workload;

import io.execbench.topology.TopologyProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Resolves a {@code kernel} parameter value to a fresh {@link Kernel}; the one place that knows all kernels. */
public final class Kernels {

    /** Every kernel name, in report order; {@code workload} is the user's own ({@link WorkloadKernel}). */
    public static final List<String> NAMES = List.of("alu", "fp", "memory", WorkloadKernel.NAME);

    private static final long MIN_MEMORY_FOOTPRINT_BYTES = 64L << 20;

    private Kernels() {
    }

    /**
     * A new kernel for {@code name}; the memory kernel builds its chain here and a user's workload runs its set-up,
     * so call it per trial.
     */
    public static Kernel create(String name) {
        return switch (name) {
            case "alu" -> new AluKernel();
            case "fp" -> new FpKernel();
            case "memory" -> new MemoryKernel(memoryFootprintBytes());
            case WorkloadKernel.NAME -> WorkloadKernel.configured();
            default -> throw new IllegalArgumentException("unknown kernel '" + name + "', expected one of " + NAMES);
        };
    }

    /**
     * The memory kernel's footprint: twice the last-level cache, at least 64 MiB, and at most a third of the
     * heap so that the chain always fits. Recorded in run.json because scores depend on it.
     */
    public static long memoryFootprintBytes() {
        long wanted = Math.max(MIN_MEMORY_FOOTPRINT_BYTES, 2 * lastLevelCacheBytes().orElse(0));
        long cap = Runtime.getRuntime().maxMemory() / 3;
        return Math.min(wanted, cap);
    }

    /** The last-level cache size from Linux sysfs, or empty where the OS does not expose it. */
    public static OptionalLong lastLevelCacheBytes() {
        // ofTree, not probe(): only files are needed here, and probe() would call sched_getaffinity through FFM.
        Long bytes = TopologyProbe.ofTree(Path.of("/"), Runtime.getRuntime().availableProcessors())
                .lastLevelCacheBytes();
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
    }
}
