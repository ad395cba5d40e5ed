package io.execbench.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the machine offers CPU-bound work, as the OS describes it. Immutable and plain (records, lists, strings,
 * boxed numbers), so Jackson writes it under {@code topology} in run.json as it is.
 *
 * <p>Unknown values: a number or list the OS did not expose is {@code null}; a string is {@code "unknown"}.
 * A probe never fails because one file is missing.
 *
 * @param cpuModel            {@code model name} of /proc/cpuinfo
 * @param sockets             distinct physical packages among the online CPUs
 * @param physicalCores       distinct (package, core) pairs among the online CPUs
 * @param logicalCpus         online logical CPUs
 * @param smtThreadsPerCore   the largest sibling set (1 = no SMT visible)
 * @param smtControl          /sys/devices/system/cpu/smt/control: {@code on}, {@code off}, {@code notsupported}, ...
 * @param smtActive           /sys/devices/system/cpu/smt/active
 * @param cpus                one entry per online CPU, by id
 * @param siblingSets         the distinct thread sibling sets (one per physical core), in order of their first CPU
 * @param onlineCpus          /sys/devices/system/cpu/online, expanded
 * @param allowedCpus         the CPUs this process may run on (sched_getaffinity), expanded
 * @param allowedCpusSource   where {@code allowedCpus} came from: {@code sched_getaffinity},
 *                            {@code /proc/self/status}, or {@code unknown}
 * @param cgroupCpuQuota      CPUs granted by the cgroup CPU controller: {@code "1.5"}, {@code "max"} (no limit), or
 *                            {@code "unknown"}
 * @param cgroupCpuQuotaSource the file the quota came from, or {@code unknown}
 * @param availableProcessors what the JVM reports (it accounts for affinity and, in containers, the quota)
 * @param caches              the caches of the first online CPU, by level, or {@code null}
 */
public record Topology(
        String cpuModel,
        Integer sockets,
        Integer physicalCores,
        Integer logicalCpus,
        Integer smtThreadsPerCore,
        String smtControl,
        Boolean smtActive,
        List<Cpu> cpus,
        List<List<Integer>> siblingSets,
        List<Integer> onlineCpus,
        List<Integer> allowedCpus,
        String allowedCpusSource,
        String cgroupCpuQuota,
        String cgroupCpuQuotaSource,
        int availableProcessors,
        List<Cache> caches) {

    /** The value of every unknown string. */
    public static final String UNKNOWN = "unknown";

    /**
     * One logical CPU.
     *
     * @param id       the Linux CPU number
     * @param socket   physical_package_id, or null
     * @param coreId   core_id (unique within a socket only), or null
     * @param siblings thread_siblings_list, expanded (includes {@code id}), or null
     */
    public record Cpu(int id, Integer socket, Integer coreId, List<Integer> siblings) {
    }

    /**
     * One cache of the first CPU.
     *
     * @param level      1, 2, 3, ...
     * @param type       {@code Data}, {@code Instruction} or {@code Unified}
     * @param sizeBytes  its size, or null
     * @param sharedWith shared_cpu_list, expanded, or null
     */
    public record Cache(int level, String type, Long sizeBytes, List<Integer> sharedWith) {
    }

    /** The size of the largest cache of the first CPU (the last level), or null when the OS does not say. */
    public Long lastLevelCacheBytes() {
        if (caches == null) {
            return null;
        }
        return caches.stream().map(Cache::sizeBytes).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** Whether more than one hardware thread runs on some core. */
    public boolean hasSmt() {
        return smtThreadsPerCore != null && smtThreadsPerCore > 1;
    }

    /**
     * The CPUs work can run on: the allowed set when known, else the online CPUs, else {@code 0..n-1} for the
     * JVM's available processors.
     */
    public List<Integer> usableCpus() {
        if (allowedCpus != null && !allowedCpus.isEmpty()) {
            return onlineCpus == null ? allowedCpus
                    : allowedCpus.stream().filter(onlineCpus::contains).toList();
        }
        if (onlineCpus != null && !onlineCpus.isEmpty()) {
            return onlineCpus;
        }
        List<Integer> guess = new ArrayList<>();
        for (int i = 0; i < availableProcessors; i++) {
            guess.add(i);
        }
        return List.copyOf(guess);
    }

    /**
     * The usable CPUs grouped by physical core, cores ordered by (socket, core id), each core's CPUs ascending.
     * Where the core of a CPU is unknown it is treated as a core of its own.
     */
    public List<List<Integer>> usableCores() {
        Map<Long, List<Integer>> byCore = new TreeMap<>();
        for (int id : usableCpus()) {
            Cpu cpu = cpu(id);
            long key = cpu == null || cpu.socket() == null || cpu.coreId() == null
                    ? (1L << 40) + id // unknown core: its own group, after every known one
                    : ((long) cpu.socket() << 20) + cpu.coreId();
            byCore.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        }
        List<List<Integer>> cores = new ArrayList<>();
        for (List<Integer> core : byCore.values()) {
            core.sort(Comparator.naturalOrder());
            cores.add(List.copyOf(core));
        }
        return List.copyOf(cores);
    }

    private Cpu cpu(int id) {
        if (cpus == null) {
            return null;
        }
        return cpus.stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }
}
