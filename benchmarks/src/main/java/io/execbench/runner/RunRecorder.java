package io.execbench.runner;

import io.execbench.floor.CFloor;
import io.execbench.topology.Topology;
import io.execbench.topology.TopologyProbe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * Keeps one run's state and saves it after every change, so that whatever stops the run, the folder on disk holds
 * everything finished until then. Thread-safe: the shutdown hook may interrupt while the main thread records.
 */
final class RunRecorder {

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private final RunFolder folder;
    private final RunIdFile runIdFile;
    private final Clock clock;
    private final List<RunResult> results = new ArrayList<>();
    private final List<RunInfo.Failure> failures = new ArrayList<>();
    private final List<MachineCanary.Reading> canary = new ArrayList<>();
    private RunInfo info;
    private boolean closed;

    private RunRecorder(RunFolder folder, RunInfo info, RunIdFile runIdFile, Clock clock) {
        this.folder = folder;
        this.info = info;
        this.runIdFile = runIdFile;
        this.clock = clock;
    }

    /**
     * Creates the .partial folder and writes the initial run.json before any benchmark starts.
     *
     * @param runIdFile receives the folder's name once it is final (on finish or interruption)
     */
    static RunRecorder start(Path resultsDir, Profile profile, String include, int planned, Environment env,
                             Map<String, Object> workload, RunIdFile runIdFile, Clock clock) {
        GitProbe.Outcome probed = env.git();
        Environment.Git git = probed.git();
        Environment.Os os = env.os();
        Topology topology = TopologyProbe.probe();
        Environment.Cpu cpu = env.cpu(topology);
        String fingerprint = Environment.fingerprint(cpu, os);
        String commitTag = git.shortCommit().equals(Environment.UNKNOWN) ? "nogit" : git.shortCommit();
        String runId = RUN_ID_TIME.format(clock.instant()) + "_" + commitTag + "_" + fingerprint;
        RunInfo info = new RunInfo(RunInfo.SCHEMA_VERSION, runId, RunInfo.PARTIAL, RunInfo.ProfileInfo.of(profile),
                include, clock.instant().toString(), null, git, env.jvm(), os, cpu, topology, env.limits(), fingerprint,
                workload,
                new RunInfo.Counts(planned, 0, 0), List.of(), null, List.copyOf(probed.warnings()));
        RunFolder folder = RunFolder.create(resultsDir, runId);
        folder.writeRunInfo(info);
        folder.writeResults(List.of());
        return new RunRecorder(folder, info, runIdFile, clock);
    }

    /** What the runner could not find out at the start, one sentence each (also in run.json). */
    synchronized List<String> warnings() {
        return info.warnings();
    }

    synchronized Path dir() {
        return folder.dir();
    }

    /**
     * Where forks write their latency logs ({@code latency/} of the run folder, while it is still partial; the
     * folder moves with the run when it completes).
     */
    Path latencyDir() {
        return folder.dir().resolve("latency");
    }

    Path logFile() {
        return folder.logFile();
    }

    synchronized void recordResult(RunResult result) {
        if (closed) {
            return;
        }
        results.add(result);
        folder.writeResults(results);
        saveCounts();
    }

    /** Adds a machine canary reading and rewrites canary.json. */
    synchronized void recordCanary(MachineCanary.Reading reading) {
        if (closed) {
            return;
        }
        canary.add(reading);
        folder.writeCanary(canary);
    }

    /** Writes floor.json: the C floor measured for this run's IPC round trips (see {@link CFloor}). */
    synchronized void recordFloor(CFloor.File floor) {
        if (closed) {
            return;
        }
        folder.writeFloor(floor);
    }

    synchronized void recordFailure(PlannedBenchmark benchmark, String error) {
        if (closed) {
            return;
        }
        failures.add(new RunInfo.Failure(benchmark.benchmark(), benchmark.paramMap(), error));
        saveCounts();
    }

    private void saveCounts() {
        info = info.withProgress(new RunInfo.Counts(info.benchmarks().planned(), results.size(), failures.size()),
                failures);
        folder.writeRunInfo(info);
    }

    /**
     * Writes the final status and moves the folder into place; returns the final info. A run interrupted meanwhile
     * (the signal hook got here first) stays partial: its info is returned as it is.
     */
    synchronized RunInfo finish() {
        if (closed) {
            return info;
        }
        String status = failures.isEmpty() ? RunInfo.COMPLETE : RunInfo.FAILED;
        info = info.finished(status, clock.instant().toString());
        folder.writeRunInfo(info);
        folder.moveIntoPlace();
        closed = true;
        runIdFile.write(folder.dir());
        return info;
    }

    /**
     * Marks the run partial with the reason, unless it already finished; the .partial folder's name is then final.
     * Returns whether it did anything.
     */
    synchronized boolean interrupt(String reason) {
        if (closed) {
            return false;
        }
        info = info.interrupted(reason);
        folder.writeRunInfo(info);
        closed = true;
        runIdFile.write(folder.dir());
        return true;
    }
}
