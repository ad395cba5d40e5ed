package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.BenchmarkKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an A/B comparison runs a benchmark's two builds: one after the other in interleaved rounds, or as a duet (both
 * at once, each pinned to its own CPU, iterations started together; {@link DuetPairing}).
 *
 * <p>Only single-threaded benchmarks can run as duets: a benchmark with threads, pools or processes of its own would
 * fight its partner for CPUs. The plan does not list JMH's thread count, and every benchmark of this project runs one
 * JMH thread, so the suites that start threads or processes themselves are named here: execution models and process
 * start-up ({@code cpu}), IPC ({@code ipc}), scaling ({@code scaling}), the child-process helpers ({@code child}).
 */
public enum AbMode {
    INTERLEAVED, DUET, AUTO;

    /** Packages whose benchmarks use more than their JMH thread. */
    private static final Set<String> MULTI_THREADED_SUITES = Set.of("cpu", "ipc", "scaling", "child");
    private static final Pattern SUITE = Pattern.compile("^io\\.execbench\\.([a-z]+)\\.");

    /**
     * {@code auto} runs duets wherever two CPUs can be pinned. Measured on the 2-vCPU machine on a quiet host
     * (docs/measurements/2026-12-02-ab.md): a 10% step of the fp kernel was decided in 8 rounds by both modes, with
     * 99% intervals 3 to 6 times narrower in duets (1.101 [1.094, 1.106] against 1.103 [1.068, 1.136]), and the
     * unaffected alu benchmarks were decided `unchanged` in 8 rounds as duets against 9 and 12 interleaved. Under a
     * load of 8 to 16 from other work neither mode decided anything, duets tighter under the heaviest load.
     */
    static final int AUTO_DUET_MIN_CPUS = 2;

    public static AbMode parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode must be interleaved, duet or auto, not '" + text + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code key} may run as a duet at all: single-threaded, and a mode whose iterations JMH lists. */
    static boolean duetable(BenchmarkKey key) {
        return !multiThreaded(key) && Set.of("avgt", "thrpt", "ss").contains(key.mode());
    }

    /** Whether {@code key} belongs to a suite that starts threads or processes of its own. */
    static boolean multiThreaded(BenchmarkKey key) {
        var suite = SUITE.matcher(key.benchmark());
        return suite.find() && MULTI_THREADED_SUITES.contains(suite.group(1));
    }

    /**
     * The two CPUs a duet pins its forks to, or why there are none.
     *
     * @param cpus    two CPUs this process may run on, on different physical cores where the machine says which
     *                share one (SMT siblings would measure each other), or {@code null}
     * @param allowed how many CPUs this process may run on
     * @param problem why duets cannot run here, one sentence, or {@code null}
     */
    public record Pinning(int[] cpus, int allowed, String problem) {

        /** Linux's allowed CPUs ({@code /proc/self/status}) and {@code taskset} on the {@code PATH}. */
        public static Pinning detect() {
            List<Integer> allowed = allowedCpus(Path.of("/proc/self/status"));
            if (allowed.size() < 2) {
                return new Pinning(null, allowed.size(), "duet needs 2 CPUs to pin its forks to, and this process may"
                        + " run on " + (allowed.isEmpty() ? "an unknown number" : allowed.size()) + "; interleaving");
            }
            if (taskset() == null) {
                return new Pinning(null, allowed.size(), "duet needs taskset (util-linux) on the PATH to pin its"
                        + " forks, and there is none; interleaving");
            }
            return new Pinning(twoCores(allowed, Path.of("/sys/devices/system/cpu")), allowed.size(), null);
        }

        /**
         * The first allowed CPU and the first after it on another physical core (package and core id from
         * {@code sysfs/cpuN/topology}); the first two allowed when the topology cannot be read or every allowed CPU
         * is on one core.
         */
        static int[] twoCores(List<Integer> allowed, Path sysfs) {
            int first = allowed.get(0);
            String firstCore = core(sysfs, first);
            if (firstCore != null) {
                for (int cpu : allowed.subList(1, allowed.size())) {
                    String other = core(sysfs, cpu);
                    if (other != null && !other.equals(firstCore)) {
                        return new int[] {first, cpu};
                    }
                }
            }
            return new int[] {first, allowed.get(1)};
        }

        /** {@code package:core} of {@code cpu}, or {@code null} when sysfs does not say. */
        private static String core(Path sysfs, int cpu) {
            Path topology = sysfs.resolve("cpu" + cpu).resolve("topology");
            try {
                return Files.readString(topology.resolve("physical_package_id")).strip() + ":"
                        + Files.readString(topology.resolve("core_id")).strip();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The {@code taskset} executable on the {@code PATH}, or {@code null}. */
        public static Path taskset() {
            String path = System.getenv("PATH");
            if (path == null) {
                return null;
            }
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "taskset");
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        /** The CPUs in {@code Cpus_allowed_list} (e.g. {@code 0-1,4}); empty when unreadable. */
        static List<Integer> allowedCpus(Path status) {
            List<Integer> cpus = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("Cpus_allowed_list:")) {
                        for (String range : line.substring(line.indexOf(':') + 1).strip().split(",")) {
                            String[] ends = range.strip().split("-");
                            int low = Integer.parseInt(ends[0].strip());
                            int high = Integer.parseInt(ends[ends.length - 1].strip());
                            for (int cpu = low; cpu <= high; cpu++) {
                                cpus.add(cpu);
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return List.of(); // not Linux, or a format this reader does not know: no pinning
            }
            return cpus;
        }
    }

    /**
     * Whether {@code key} runs as a duet under this mode, given the machine's pinning. {@code auto} chooses duets
     * only with {@link #AUTO_DUET_MIN_CPUS} CPUs or more.
     */
    public boolean duet(BenchmarkKey key, Pinning pinning) {
        if (this == INTERLEAVED || pinning.cpus() == null || !duetable(key)) {
            return false;
        }
        return this == DUET || pinning.allowed() >= AUTO_DUET_MIN_CPUS;
    }
}
