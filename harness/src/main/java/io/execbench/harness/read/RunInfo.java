package io.execbench.harness.read;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code run.json} says about a run (results contract, schema version 1; see {@code results/README.md}).
 * Strings the file leaves out read as {@code "unknown"}, numbers and instants it leaves out as {@code null}.
 * Every string is untrusted input: whoever displays it must escape it.
 *
 * @param schemaVersion the contract version the file follows ({@code 1}); {@code 0} when synthesized
 * @param runId         the run id the file claims; the folder name is what the harness uses for paths
 * @param status        how the run ended; a {@code .partial} folder always reads as {@link RunStatus#PARTIAL}
 * @param profile       the measurement budget
 * @param include       the {@code -Dbench.include} regular expression
 * @param startedAt     UTC start, or null
 * @param endedAt       UTC end, or null while partial
 * @param workload      facts the suites depend on, values as JSON text (e.g. {@code memoryFootprintBytes})
 * @param benchmarks    planned, completed and failed counts
 * @param failures      one entry per benchmark that produced no result
 * @param interruption  why a partial run stopped, or null
 * @param synthesized   true when there was no run.json and this info was made up from jmh.json alone
 */
public record RunInfo(int schemaVersion, String runId, RunStatus status, Profile profile, String include,
                      Instant startedAt, Instant endedAt, Git git, Jvm jvm, Os os, Cpu cpu,
                      String machineFingerprint, Map<String, String> workload, Counts benchmarks,
                      List<Failure> failures, String interruption, boolean synthesized) {

    /** What a missing string reads as. */
    public static final String UNKNOWN = "unknown";

    public RunInfo {
        workload = Collections.unmodifiableMap(new LinkedHashMap<>(workload));
        failures = List.copyOf(failures);
    }

    /** The same info with another status (a {@code .partial} folder overrides what its run.json says). */
    public RunInfo withStatus(RunStatus newStatus) {
        return new RunInfo(schemaVersion, runId, newStatus, profile, include, startedAt, endedAt, git, jvm, os, cpu,
                machineFingerprint, workload, benchmarks, failures, interruption, synthesized);
    }

    /**
     * The measurement budget: profile {@code name} ({@code smoke}, {@code quick}, {@code full}, {@code test}),
     * forks, and warm-up / measurement iteration counts and lengths; numbers are null when unknown.
     */
    public record Profile(String name, Integer forks, Integer warmupIterations, Long warmupTimeMs,
                          Integer measurementIterations, Long measurementTimeMs) {
    }

    /** The commit the benchmarks were built from; {@code dirty} is null when unknown. */
    public record Git(String commit, String shortCommit, Boolean dirty) {
    }

    /** The benchmark JVM; {@code flags} are its arguments, which JMH forks inherit. */
    public record Jvm(String vendor, String version, String vmName, String vmVersion, List<String> flags,
                      String jmhVersion) {
        public Jvm {
            flags = List.copyOf(flags);
        }
    }

    /** Operating system; {@code version} is the kernel release on Linux. */
    public record Os(String name, String version, String arch, String distribution) {
    }

    /**
     * CPU facts that change scores. {@code governor} and {@code cgroupCpuQuota} are text ({@code max},
     * {@code 1.5}, {@code unknown}); counts and cache size are null when unknown.
     */
    public record Cpu(String model, Integer logicalCpus, Integer availableProcessors, String governor,
                      String cgroupCpuQuota, Long lastLevelCacheBytes) {
    }

    /** How many benchmarks were planned, produced a result, and failed; each null when unknown. */
    public record Counts(Integer planned, Integer completed, Integer failed) {
    }

    /**
     * One benchmark that produced no result.
     *
     * @param benchmark JMH's full method name
     * @param params    its {@code @Param} values, in file order
     * @param error     JMH's failure text: exception and stack trace, or the fork's exit code and output tail
     */
    public record Failure(String benchmark, Map<String, String> params, String error) {
        public Failure {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }
}
