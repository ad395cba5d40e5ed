package io.execbench.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the machine's {@link Topology} from a Linux filesystem tree: {@code /sys/devices/system/cpu},
 * {@code /proc/cpuinfo}, {@code /proc/self/status}, {@code /proc/self/cgroup} and {@code /sys/fs/cgroup}.
 *
 * <p>Every item is read on its own; a missing or unreadable file makes that item unknown and the probe goes on,
 * so a container, a VM or another OS gets a partial topology instead of an error. Tests point the probe at fake
 * trees under {@code src/test/resources/topology/}.
 */
public final class TopologyProbe {

    private static final Path CPU_DIR = Path.of("sys/devices/system/cpu");
    private static final Pattern CPU_NAME = Pattern.compile("cpu(\\d+)");

    private final Path root;
    private final int availableProcessors;
    private final Supplier<Optional<List<Integer>>> affinity;
    private final String affinitySource;

    private TopologyProbe(Path root, int availableProcessors, Supplier<Optional<List<Integer>>> affinity,
                          String affinitySource) {
        this.root = root;
        this.availableProcessors = availableProcessors;
        this.affinity = affinity;
        this.affinitySource = affinitySource;
    }

    /**
     * This machine, as this process sees it: files under {@code /}, the allowed CPUs from
     * {@code sched_getaffinity} (falling back to /proc/self/status), the JVM's available processors.
     */
    public static Topology probe() {
        Path root = Path.of("/");
        Optional<List<Integer>> fromKernel = Affinity.currentThreadCpus().cpus();
        if (fromKernel.isPresent()) {
            return new TopologyProbe(root, Runtime.getRuntime().availableProcessors(), () -> fromKernel,
                    "sched_getaffinity").read();
        }
        return ofTree(root, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A fake or foreign tree: every fact from files under {@code root}, the allowed CPUs from
     * {@code root/proc/self/status}, and {@code availableProcessors} as given (a JVM fact no file holds).
     */
    public static Topology ofTree(Path root, int availableProcessors) {
        TopologyProbe[] self = new TopologyProbe[1];
        self[0] = new TopologyProbe(root, availableProcessors, () -> self[0].allowedFromStatus(),
                "/proc/self/status");
        return self[0].read();
    }

    private Topology read() {
        Optional<List<Integer>> online = read(CPU_DIR.resolve("online")).flatMap(TopologyProbe::cpuList);
        List<Integer> ids = online.orElseGet(this::cpuDirectories);
        List<Topology.Cpu> cpus = ids.stream().map(this::cpu).toList();
        List<String> cpuinfo = read(Path.of("proc/cpuinfo")).map(t -> t.lines().toList()).orElse(List.of());

        // Integer.valueOf: a bare ternary of Integer and int would unbox a null.
        Integer logical = online.map(List::size).orElseGet(() -> ids.isEmpty()
                ? nullIfZero(countLines(cpuinfo, "processor")) : Integer.valueOf(ids.size()));
        List<List<Integer>> siblingSets = siblingSets(cpus);
        Integer sockets = countDistinct(cpus, true).orElseGet(() -> nullIfZero(distinctValues(cpuinfo,
                "physical id").size()));
        Integer cores = countDistinct(cpus, false).orElseGet(() -> nullIfZero(cpuinfoCores(cpuinfo)));
        Integer smt = siblingSets == null ? smtFromCounts(logical, cores)
                : Integer.valueOf(siblingSets.stream().mapToInt(List::size).max().orElse(1));

        Optional<List<Integer>> allowed = affinity.get();
        String[] quota = cgroupQuota();
        return new Topology(
                firstValue(cpuinfo, "model name").orElse(Topology.UNKNOWN),
                sockets, cores, logical, smt,
                read(CPU_DIR.resolve("smt/control")).map(String::trim).orElse(Topology.UNKNOWN),
                read(CPU_DIR.resolve("smt/active")).map(t -> t.trim().equals("1")).orElse(null),
                ids.isEmpty() ? null : cpus,
                siblingSets,
                online.orElse(null),
                allowed.orElse(null),
                allowed.isPresent() ? affinitySource : Topology.UNKNOWN,
                quota[0], quota[1],
                availableProcessors,
                caches(ids.isEmpty() ? 0 : ids.getFirst()));
    }

    private List<Integer> cpuDirectories() {
        try (Stream<Path> entries = Files.list(root.resolve(CPU_DIR))) {
            return entries.map(p -> CPU_NAME.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private Topology.Cpu cpu(int id) {
        Path topology = CPU_DIR.resolve("cpu" + id).resolve("topology");
        return new Topology.Cpu(id,
                readInt(topology.resolve("physical_package_id")),
                readInt(topology.resolve("core_id")),
                read(topology.resolve("thread_siblings_list")).flatMap(TopologyProbe::cpuList).orElse(null));
    }

    /** Distinct sibling sets, or null when any CPU's siblings are unknown. */
    private static List<List<Integer>> siblingSets(List<Topology.Cpu> cpus) {
        if (cpus.isEmpty() || cpus.stream().anyMatch(c -> c.siblings() == null)) {
            return null;
        }
        Set<List<Integer>> sets = new LinkedHashSet<>();
        cpus.stream().sorted(Comparator.comparingInt(Topology.Cpu::id)).forEach(c -> sets.add(c.siblings()));
        return List.copyOf(sets);
    }

    /** Distinct sockets (or, with {@code sockets} false, distinct (socket, core) pairs); empty when unknown. */
    private static Optional<Integer> countDistinct(List<Topology.Cpu> cpus, boolean sockets) {
        if (cpus.isEmpty() || cpus.stream().anyMatch(c -> c.socket() == null || (!sockets && c.coreId() == null))) {
            return Optional.empty();
        }
        // core_id repeats on every socket, so a physical core is the pair (socket, core_id).
        return Optional.of((int) cpus.stream()
                .map(c -> sockets ? List.of(c.socket()) : List.of(c.socket(), c.coreId()))
                .distinct().count());
    }

    private static Integer smtFromCounts(Integer logical, Integer cores) {
        return logical == null || cores == null || cores == 0 ? null : logical / cores;
    }

    /** Physical cores from /proc/cpuinfo's (physical id, core id) pairs, for kernels without sysfs topology. */
    private static int cpuinfoCores(List<String> cpuinfo) {
        Set<String> pairs = new LinkedHashSet<>();
        String socket = "0";
        for (String line : cpuinfo) {
            String key = key(line);
            if (key.equals("physical id")) {
                socket = value(line);
            } else if (key.equals("core id")) {
                pairs.add(socket + "/" + value(line));
            }
        }
        return pairs.size();
    }

    private Optional<List<Integer>> allowedFromStatus() {
        return read(Path.of("proc/self/status")).flatMap(text -> text.lines()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .findFirst()
                .flatMap(line -> cpuList(value(line))));
    }

    /**
     * The cgroup CPU quota as {@code {cpus, source}}: cgroup v2 {@code cpu.max} of this process's group (from
     * /proc/self/cgroup) or of the root, then v1 {@code cpu.cfs_quota_us / cpu.cfs_period_us}.
     */
    private String[] cgroupQuota() {
        List<Path> v2 = new ArrayList<>();
        read(Path.of("proc/self/cgroup")).flatMap(text -> text.lines()
                .filter(line -> line.startsWith("0::"))
                .findFirst()).ifPresent(line -> {
                    String group = line.substring(3).trim().replaceFirst("^/+", "");
                    if (!group.isEmpty()) {
                        v2.add(Path.of("sys/fs/cgroup").resolve(group).resolve("cpu.max"));
                    }
                });
        v2.add(Path.of("sys/fs/cgroup/cpu.max"));
        for (Path file : v2) {
            Optional<String> max = read(file);
            if (max.isPresent()) {
                String[] parts = max.get().trim().split("\\s+");
                String cpus = parts[0].equals("max") ? "max" : ratio(parts[0], parts.length > 1 ? parts[1] : "100000");
                return new String[] {cpus, "/" + file};
            }
        }
        Path v1 = Path.of("sys/fs/cgroup/cpu");
        Optional<String> quota = read(v1.resolve("cpu.cfs_quota_us")).map(String::trim);
        Optional<String> period = read(v1.resolve("cpu.cfs_period_us")).map(String::trim);
        if (quota.isPresent() && period.isPresent()) {
            String cpus = quota.get().equals("-1") ? "max" : ratio(quota.get(), period.get());
            return new String[] {cpus, "/" + v1.resolve("cpu.cfs_quota_us")};
        }
        return new String[] {Topology.UNKNOWN, Topology.UNKNOWN};
    }

    private static String ratio(String quota, String period) {
        try {
            double cpus = Double.parseDouble(quota) / Double.parseDouble(period);
            return String.valueOf(Math.round(cpus * 100) / 100.0);
        } catch (NumberFormatException e) {
            return Topology.UNKNOWN;
        }
    }

    private List<Topology.Cache> caches(int cpu) {
        Path cacheDir = CPU_DIR.resolve("cpu" + cpu).resolve("cache");
        List<Topology.Cache> caches = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root.resolve(cacheDir))) {
            List<String> indexes = entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("index\\d+"))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(5))))
                    .toList();
            for (String index : indexes) {
                Path dir = cacheDir.resolve(index);
                Integer level = readInt(dir.resolve("level"));
                if (level == null) {
                    continue;
                }
                caches.add(new Topology.Cache(level,
                        read(dir.resolve("type")).map(String::trim).orElse(Topology.UNKNOWN),
                        read(dir.resolve("size")).map(TopologyProbe::cacheBytes).orElse(null),
                        read(dir.resolve("shared_cpu_list")).flatMap(TopologyProbe::cpuList).orElse(null)));
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        caches.sort(Comparator.comparingInt(Topology.Cache::level));
        return caches.isEmpty() ? null : List.copyOf(caches);
    }

    /** Parses sysfs cache sizes such as {@code 48K}, {@code 2048K}, {@code 4M}; null when not a size. */
    static Long cacheBytes(String text) {
        String size = text.trim().toUpperCase(Locale.ROOT);
        if (size.isEmpty()) {
            return null;
        }
        char suffix = size.charAt(size.length() - 1);
        int shift = switch (suffix) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        try {
            return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<List<Integer>> cpuList(String text) {
        try {
            List<Integer> cpus = CpuList.parse(text);
            return cpus.isEmpty() ? Optional.empty() : Optional.of(cpus);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Integer readInt(Path relative) {
        return read(relative).map(String::trim).flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private Optional<String> read(Path relative) {
        Path path = root.resolve(relative);
        try {
            return Files.isReadable(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstValue(List<String> cpuinfo, String key) {
        return cpuinfo.stream().filter(line -> key(line).equals(key)).map(TopologyProbe::value).findFirst();
    }

    private static List<String> distinctValues(List<String> cpuinfo, String key) {
        return cpuinfo.stream().filter(line -> key(line).equals(key)).map(TopologyProbe::value).distinct().toList();
    }

    private static int countLines(List<String> cpuinfo, String key) {
        return (int) cpuinfo.stream().filter(line -> key(line).equals(key)).count();
    }

    private static String key(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(0, colon).trim();
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static Integer nullIfZero(int count) {
        return count == 0 ? null : count;
    }
}
