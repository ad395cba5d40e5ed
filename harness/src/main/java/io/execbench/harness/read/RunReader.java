package io.execbench.harness.read;

import io.execbench.harness.read.RunInfo.Counts;
import io.execbench.harness.read.RunInfo.Cpu;
import io.execbench.harness.read.RunInfo.Git;
import io.execbench.harness.read.RunInfo.Jvm;
import io.execbench.harness.read.RunInfo.Os;
import io.execbench.harness.read.RunInfo.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a run folder: {@code run.json} (optional), {@code jmh.json} (required), {@code floor.json},
 * {@code memory/*.json} and {@code server/*.json} (optional; a bad server file is left out with a warning,
 * {@link ServerReadings}). A folder holding only a plain jmh.json, written by any JMH project, reads as a run with an
 * unknown environment, so that the harness can render results it did not produce. Never writes anything.
 */
public final class RunReader {

    /** The file that describes the run. */
    public static final String RUN_JSON = "run.json";
    /** JMH's own results. */
    public static final String JMH_JSON = "jmh.json";

    private RunReader() {
    }

    /** Reads the run in {@code runDir}. */
    public static Run read(Path runDir) throws RunReadException {
        RunFolder folder = usable(RunFolder.of(requireFolder(runDir)));
        Path jmhJson = requireFile(folder.dir().resolve(JMH_JSON));
        // run.json first: a schema this harness cannot read should fail before a large jmh.json is parsed.
        RunInfo described = InputFiles.present(folder.dir().resolve(RUN_JSON)) ? readInfo(folder) : null;
        List<BenchmarkResult> results = JmhJsonReader.read(jmhJson);
        RunInfo info = described != null ? described
                : unknownEnvironment(folder, results.isEmpty() ? null : results.getFirst(), results.size());
        return new Run(folder, info, results, FloorReadings.read(folder.dir()),
                MemoryReadings.readAll(folder.dir()), ServerReadings.read(folder.dir()));
    }

    /**
     * Reads only run.json when there is one, so that listing many runs does not parse many large jmh.json files;
     * for a jmh.json-only folder the environment is unknown (and the JVM too, since it would take jmh.json).
     */
    public static RunInfo readInfo(Path runDir) throws RunReadException {
        RunFolder folder = usable(RunFolder.of(requireFolder(runDir)));
        if (InputFiles.present(folder.dir().resolve(RUN_JSON))) {
            return readInfo(folder);
        }
        requireFile(folder.dir().resolve(JMH_JSON));
        return unknownEnvironment(folder, null, null);
    }

    private static RunInfo readInfo(RunFolder folder) throws RunReadException {
        RunInfo info = RunJsonReader.read(folder.dir().resolve(RUN_JSON));
        // The rename to <run-id>/ is the runner's commit point: a .partial folder did not finish, whatever its
        // run.json says (the runner may have died between the last run.json write and the rename).
        return folder.partial() ? info.withStatus(RunStatus.PARTIAL) : info;
    }

    /** What can be said about a run from jmh.json alone: the JVM, as JMH recorded it; nothing else. */
    private static RunInfo unknownEnvironment(RunFolder folder, BenchmarkResult first, Integer resultCount) {
        String unknown = RunInfo.UNKNOWN;
        Jvm jvm = first == null
                ? new Jvm(unknown, unknown, unknown, unknown, List.of(), unknown)
                : new Jvm(unknown, first.jdkVersion(), first.vmName(), first.vmVersion(), first.jvmArgs(),
                        first.jmhVersion());
        return new RunInfo(0, folder.id(), folder.partial() ? RunStatus.PARTIAL : RunStatus.UNKNOWN,
                new Profile(unknown, null, null, null, null, null), unknown, null, null,
                new Git(unknown, unknown, null), jvm, new Os(unknown, unknown, unknown, unknown),
                new Cpu(unknown, null, null, unknown, unknown, null), unknown, Map.of(),
                new Counts(null, resultCount, null), List.of(), null, true);
    }

    private static RunFolder usable(RunFolder folder) throws RunReadException {
        String problem = folder.unusableName();
        if (problem != null) {
            throw new RunReadException(folder.dir(), problem);
        }
        return folder;
    }

    private static Path requireFolder(Path dir) throws RunReadException {
        if (!InputFiles.present(dir)) {
            throw new RunReadException(dir, "no such run folder");
        }
        InputFiles.requireFolder(dir);
        return dir;
    }

    private static Path requireFile(Path file) throws RunReadException {
        if (!InputFiles.present(file)) {
            throw new RunReadException(file, "missing: a run folder must hold " + JMH_JSON);
        }
        InputFiles.requireRegular(file, InputFiles.JMH_JSON_MAX_BYTES);
        return file;
    }
}
