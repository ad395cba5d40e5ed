package io.execbench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine's limits on threads, mappings and memory, read from /proc and the process's cgroup (v2, or v1's pids
 * and memory controllers), and the check {@link MemorySweep} makes before each step so that it stops short of them.
 * Recorded in run.json ({@code limits}) and in each memory log. A field is null where the machine sets no limit or
 * does not say.
 *
 * @param threadsMax              {@code /proc/sys/kernel/threads-max}: threads of the whole machine
 * @param threadsInUse            threads running on the machine now (the total of {@code /proc/loadavg})
 * @param maxMapCount             {@code /proc/sys/vm/max_map_count}: memory mappings of one process
 * @param pidsMax                 the cgroup's {@code pids.max} (tasks, so threads too); null for {@code max}
 * @param pidsCurrent             the cgroup's tasks now
 * @param processLimit            {@code RLIMIT_NPROC} (soft, from {@code /proc/self/limits}): the user's threads;
 *                                null when unlimited
 * @param memTotalBytes           {@code MemTotal} of {@code /proc/meminfo}
 * @param memAvailableBytes       {@code MemAvailable}: what can be used without swapping
 * @param cgroupMemoryMaxBytes    the cgroup's {@code memory.max} (v1 {@code memory.limit_in_bytes}); null for none
 * @param cgroupMemoryCurrentBytes the cgroup's memory in use now
 */
public record MachineLimits(Long threadsMax, Long threadsInUse, Long maxMapCount, Long pidsMax, Long pidsCurrent,
                            Long processLimit, Long memTotalBytes, Long memAvailableBytes, Long cgroupMemoryMaxBytes,
                            Long cgroupMemoryCurrentBytes) {

    /** Memory never handed to the experiment: 1 GiB or an eighth of the machine, whichever is more. */
    static final long MIN_MEMORY_RESERVE = 1L << 30;
    /** A count limit is never approached closer than a tenth of it, or 256. */
    static final long MIN_COUNT_MARGIN = 256;
    /** Values at or above this mean "no limit" (cgroup v1 writes 2^63 rounded to a page). */
    private static final long UNLIMITED = 1L << 60;

    /** The limits of this machine and process. */
    public static MachineLimits read() {
        return read(Path.of("/"));
    }

    /** The limits under {@code root} (a copy of /proc and /sys in tests). */
    static MachineLimits read(Path root) {
        Path cgroupV2 = null;
        Path pidsV1 = null;
        Path memoryV1 = null;
        for (String line : text(root, "proc/self/cgroup").orElse("").split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            String relative = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
            if (parts[0].equals("0") && parts[1].isEmpty()
                    && Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers"))) {
                cgroupV2 = existing(root.resolve("sys/fs/cgroup"), relative);
            } else if (List.of(parts[1].split(",")).contains("pids")) {
                pidsV1 = existing(root.resolve("sys/fs/cgroup/pids"), relative);
            } else if (List.of(parts[1].split(",")).contains("memory")) {
                memoryV1 = existing(root.resolve("sys/fs/cgroup/memory"), relative);
            }
        }
        Path pids = pidsV1 != null ? pidsV1 : cgroupV2;
        String memoryMax = memoryV1 != null ? "memory.limit_in_bytes" : "memory.max";
        String memoryCurrent = memoryV1 != null ? "memory.usage_in_bytes" : "memory.current";
        Path memory = memoryV1 != null ? memoryV1 : cgroupV2;
        String meminfo = text(root, "proc/meminfo").orElse("");
        return new MachineLimits(number(root, "proc/sys/kernel/threads-max"), threadsInUse(root),
                number(root, "proc/sys/vm/max_map_count"), limit(pids, "pids.max"), limit(pids, "pids.current"),
                processLimit(root), meminfo(meminfo, "MemTotal:"), meminfo(meminfo, "MemAvailable:"),
                limit(memory, memoryMax), limit(memory, memoryCurrent));
    }

    /**
     * Why adding {@code moreThreads} threads and {@code moreBytes} of memory, in processes of up to
     * {@code mappingsPerProcess} mappings, would come too close to a limit; empty when it stays clear of all of them.
     * The reason names the limit first: {@code threads-max}, {@code pids.max}, {@code RLIMIT_NPROC},
     * {@code max_map_count}, {@code memory}.
     */
    public Optional<String> refusal(long moreThreads, long mappingsPerProcess, long moreBytes) {
        List<String> reasons = new ArrayList<>();
        countLimit(reasons, "threads-max", threadsMax, threadsInUse, moreThreads, "threads");
        countLimit(reasons, "pids.max", pidsMax, pidsCurrent, moreThreads, "tasks");
        countLimit(reasons, "RLIMIT_NPROC", processLimit, threadsInUse, moreThreads, "threads");
        countLimit(reasons, "max_map_count", maxMapCount, 0L, mappingsPerProcess, "mappings in one process");
        if (memAvailableBytes != null) {
            long reserve = Math.max(MIN_MEMORY_RESERVE, memTotalBytes == null ? 0 : memTotalBytes / 8);
            if (moreBytes > memAvailableBytes - reserve) {
                reasons.add("memory: " + mib(moreBytes) + " more would leave less than " + mib(reserve) + " of the "
                        + mib(memAvailableBytes) + " available");
            }
        }
        if (cgroupMemoryMaxBytes != null && cgroupMemoryCurrentBytes != null) {
            long reserve = Math.max(256L << 20, cgroupMemoryMaxBytes / 8);
            if (cgroupMemoryCurrentBytes + moreBytes > cgroupMemoryMaxBytes - reserve) {
                reasons.add("memory: " + mib(moreBytes) + " more would bring the cgroup within " + mib(reserve)
                        + " of its limit of " + mib(cgroupMemoryMaxBytes));
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static void countLimit(List<String> reasons, String name, Long limit, Long inUse, long more, String what) {
        if (limit == null) {
            return;
        }
        long margin = Math.max(limit / 10, MIN_COUNT_MARGIN);
        long used = inUse == null ? 0 : inUse;
        if (used + more > limit - margin) {
            reasons.add(name + ": " + used + " + " + more + " " + what + " would come within " + margin + " of the limit "
                    + limit);
        }
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static Path existing(Path controllerRoot, String relative) {
        Path dir = controllerRoot.resolve(relative);
        // In a container the cgroup path is the host's; the container sees its own cgroup at the controller's root.
        return Files.isDirectory(dir) ? dir : Files.isDirectory(controllerRoot) ? controllerRoot : null;
    }

    private static Long threadsInUse(Path root) {
        // "0.72 1.74 2.46 3/114 3662": runnable/total scheduling entities, i.e. threads
        String[] fields = text(root, "proc/loadavg").orElse("").trim().split("\\s+");
        if (fields.length < 4 || !fields[3].contains("/")) {
            return null;
        }
        return parse(fields[3].substring(fields[3].indexOf('/') + 1));
    }

    private static Long processLimit(Path root) {
        for (String line : text(root, "proc/self/limits").orElse("").split("\n")) {
            if (line.startsWith("Max processes")) {
                String[] words = line.substring("Max processes".length()).trim().split("\\s+");
                return words[0].equals("unlimited") ? null : parse(words[0]);
            }
        }
        return null;
    }

    private static Long meminfo(String meminfo, String field) {
        try {
            return ProcFootprint.kilobytesOrCount(meminfo, field) * 1024;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long limit(Path dir, String file) {
        if (dir == null) {
            return null;
        }
        Long value = parse(text(dir, file).orElse("max").trim());
        return value == null || value >= UNLIMITED ? null : value;
    }

    private static Long number(Path root, String relative) {
        return parse(text(root, relative).orElse("").trim());
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<String> text(Path root, String relative) {
        Path file = root.resolve(relative);
        try {
            return Files.isReadable(file) ? Optional.of(ProcFootprint.read(file)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
