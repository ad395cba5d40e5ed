package io.execbench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resolves a {@code kernel} parameter value to a fresh {@link Kernel}; the one place that knows all kernels. */
public final class Kernels {

    /** Every kernel name, in report order. */
    public static final List<String> NAMES = List.of("alu", "fp", "memory");

    private static final long MIN_MEMORY_FOOTPRINT_BYTES = 64L << 20;

    private Kernels() {
    }

    /** A new kernel for {@code name}; the memory kernel builds its chain here, so call it per trial. */
    public static Kernel create(String name) {
        return switch (name) {
            case "alu" -> new AluKernel();
            case "fp" -> new FpKernel();
            case "memory" -> new MemoryKernel(memoryFootprintBytes());
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

    /** The largest cache size of CPU 0 from Linux sysfs, or empty where the OS does not expose it. */
    public static OptionalLong lastLevelCacheBytes() {
        Path cacheDir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        if (!Files.isDirectory(cacheDir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> entries = Files.list(cacheDir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("index"))
                    .map(p -> p.resolve("size"))
                    .filter(Files::isReadable)
                    .mapToLong(Kernels::readCacheSize)
                    .max();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Parses sysfs cache sizes such as {@code 307200K} or {@code 4M}; 0 when unreadable. */
    static long readCacheSize(Path sizeFile) {
        try {
            return parseCacheSize(Files.readString(sizeFile).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static long parseCacheSize(String text) {
        char suffix = text.isEmpty() ? ' ' : Character.toUpperCase(text.charAt(text.length() - 1));
        String digits = Character.isDigit(suffix) ? text : text.substring(0, text.length() - 1);
        long value = Long.parseLong(digits);
        return switch (suffix) {
            case 'K' -> value << 10;
            case 'M' -> value << 20;
            case 'G' -> value << 30;
            default -> value;
        };
    }
}
