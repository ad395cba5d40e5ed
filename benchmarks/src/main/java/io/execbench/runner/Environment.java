package io.execbench.runner;

import io.execbench.process.MachineLimits;
import io.execbench.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the facts a result depends on: JVM, OS, CPU, and git state. Every probe degrades to {@code "unknown"}
 * where the OS does not expose a fact; none of them fails the run.
 */
public final class Environment {

    static final String UNKNOWN = "unknown";

    /** The git commit of the working tree the benchmarks were built from. */
    public record Git(String commit, String shortCommit, boolean dirty) {
    }

    /** The JVM that runs the benchmarks (JMH forks inherit its flags). */
    public record Jvm(String vendor, String version, String vmName, String vmVersion, List<String> flags,
                      String jmhVersion) {
    }

    /** Operating system; {@code version} is the kernel release on Linux. */
    public record Os(String name, String version, String arch, String distribution) {
    }

    /** CPU facts that change scores. */
    public record Cpu(String model, int logicalCpus, int availableProcessors, String governor, String cgroupCpuQuota,
                      Long lastLevelCacheBytes) {
    }

    private final Path sysRoot;

    /** Probes the real machine. */
    public Environment() {
        this(Path.of("/"));
    }

    /** Probes a filesystem tree rooted at {@code sysRoot}, so tests can use fake /proc and /sys trees. */
    Environment(Path sysRoot) {
        this.sysRoot = sysRoot;
    }

    public Jvm jvm() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        return new Jvm(System.getProperty("java.vendor", UNKNOWN), System.getProperty("java.version", UNKNOWN),
                runtime.getVmName(), runtime.getVmVersion(), List.copyOf(runtime.getInputArguments()),
                jmhVersion());
    }

    private static String jmhVersion() {
        String version = org.openjdk.jmh.util.Version.getPlainVersion();
        return version == null || version.isBlank() ? UNKNOWN : version;
    }

    public Os os() {
        String distribution = read("etc/os-release").flatMap(text -> text.lines()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst()).orElse(UNKNOWN);
        return new Os(System.getProperty("os.name", UNKNOWN), System.getProperty("os.version", UNKNOWN),
                System.getProperty("os.arch", UNKNOWN), distribution);
    }

    /** CPU facts, taking what the topology probe already read (model, CPUs, quota, caches) from it. */
    public Cpu cpu(Topology topology) {
        int available = Runtime.getRuntime().availableProcessors();
        int logical = topology.logicalCpus() == null ? available : topology.logicalCpus();
        String governor = read("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").map(String::trim)
                .orElse(UNKNOWN);
        return new Cpu(topology.cpuModel(), logical, available, governor, topology.cgroupCpuQuota(),
                topology.lastLevelCacheBytes());
    }

    /** The machine's limits on threads, mappings and memory (read from the real machine, whatever the tests' root). */
    public MachineLimits limits() {
        return MachineLimits.read();
    }

    /**
     * Commit and dirty state of the checkout holding the working directory, with a warning for each git command
     * that failed or complained (the commit is then unknown, see {@link GitProbe}).
     */
    GitProbe.Outcome git() {
        return new GitProbe("git", Path.of("").toAbsolutePath(), GitProbe.TIMEOUT).probe();
    }

    /**
     * Six hex digits that are equal for runs on comparable machines: CPU model, logical CPUs, OS, JDK feature
     * release. Runs with different fingerprints are never compared silently.
     */
    static String fingerprint(Cpu cpu, Os os) {
        String key = cpu.model() + '|' + cpu.logicalCpus() + '|' + os.name() + '|' + os.arch() + '|'
                + Runtime.version().feature();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private Optional<String> read(String relative) {
        Path path = sysRoot.resolve(relative);
        try {
            return Files.isReadable(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
