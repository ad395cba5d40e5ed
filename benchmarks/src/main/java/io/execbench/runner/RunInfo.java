package io.execbench.runner;

import io.execbench.process.MachineLimits;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code run.json}, schema version 1, exactly as documented in {@code results/README.md}.
 * Immutable: each change of state makes a new record that the {@link RunFolder} writes atomically.
 *
 * <p>{@code limits}: the machine's limits on threads, mappings and memory when the run started ({@link MachineLimits}),
 * which decide how many units of concurrency fit.
 *
 * <p>{@code warnings}: what the runner could not find out and why, one sentence each (e.g. git refused to describe
 * the checkout, so the commit is {@code unknown}).
 */
public record RunInfo(
        int schemaVersion,
        String runId,
        String status,
        ProfileInfo profile,
        String include,
        String startedAt,
        String endedAt,
        Environment.Git git,
        Environment.Jvm jvm,
        Environment.Os os,
        Environment.Cpu cpu,
        Object topology,
        MachineLimits limits,
        String machineFingerprint,
        Map<String, Object> workload,
        Counts benchmarks,
        List<Failure> failures,
        String interruption,
        List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;
    public static final String PARTIAL = "partial";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    /** The measurement budget the run used. */
    public record ProfileInfo(String name, int forks, int warmupIterations, int warmupTimeMs,
                              int measurementIterations, int measurementTimeMs) {
        static ProfileInfo of(Profile profile) {
            return new ProfileInfo(profile.label(), profile.forks(), profile.warmupIterations(),
                    profile.warmupTimeMs(), profile.measurementIterations(), profile.measurementTimeMs());
        }
    }

    /** How many benchmarks were planned, produced a result, and failed. */
    public record Counts(int planned, int completed, int failed) {
    }

    /** One benchmark that produced no result, with JMH's failure text. */
    public record Failure(String benchmark, Map<String, String> params, String error) {
    }

    RunInfo withProgress(Counts counts, List<Failure> failuresSoFar) {
        return new RunInfo(schemaVersion, runId, status, profile, include, startedAt, endedAt, git, jvm, os, cpu,
                topology, limits, machineFingerprint, workload, counts, List.copyOf(failuresSoFar), interruption, warnings);
    }

    RunInfo finished(String finalStatus, String endTime) {
        return new RunInfo(schemaVersion, runId, finalStatus, profile, include, startedAt, endTime, git, jvm, os, cpu,
                topology, limits, machineFingerprint, workload, benchmarks, failures, interruption, warnings);
    }

    RunInfo interrupted(String reason) {
        return new RunInfo(schemaVersion, runId, PARTIAL, profile, include, startedAt, null, git, jvm, os, cpu,
                topology, limits, machineFingerprint, workload, benchmarks, failures, reason, warnings);
    }
}
