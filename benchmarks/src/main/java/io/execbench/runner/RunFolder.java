package io.execbench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.execbench.files.DurableFiles;
import io.execbench.floor.CFloor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * One run's folder, following the lifecycle in {@code results/README.md}: created as {@code <run-id>.partial/},
 * rewritten atomically after every benchmark, renamed to {@code <run-id>/} when the run finishes. A kill at any
 * instant leaves valid JSON of everything finished so far, and so does a crash of the machine: every file is
 * written through {@link DurableFiles} (forced to disk before its rename, the folder after it). An earlier run's
 * folder is never opened for writing.
 */
public final class RunFolder {

    static final String PARTIAL_SUFFIX = ".partial";
    static final String RUN_JSON = "run.json";
    static final String JMH_JSON = "jmh.json";
    static final String CANARY_JSON = "canary.json";
    static final String FLOOR_JSON = "floor.json";
    static final String JMH_LOG = "jmh.log";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path resultsDir;
    private final String runId;
    private Path dir;

    private RunFolder(Path resultsDir, String runId, Path dir) {
        this.resultsDir = resultsDir;
        this.runId = runId;
        this.dir = dir;
    }

    /** Creates {@code <resultsDir>/<runId>.partial/}; fails if a run with that id already exists. */
    public static RunFolder create(Path resultsDir, String runId) {
        Path partial = resultsDir.resolve(runId + PARTIAL_SUFFIX);
        if (Files.exists(partial) || Files.exists(resultsDir.resolve(runId))) {
            throw new IllegalStateException(resultsDir.resolve(runId) + ": a run with this id already exists");
        }
        try {
            DurableFiles.createFolders(resultsDir);
            Files.createDirectory(partial);
            DurableFiles.syncFolder(resultsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(partial + ": cannot create the run folder: " + e.getMessage(), e);
        }
        return new RunFolder(resultsDir, runId, partial);
    }

    /** Where the run lives now: the .partial folder until {@link #moveIntoPlace()}. */
    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve(JMH_LOG);
    }

    public void writeRunInfo(RunInfo info) {
        try {
            writeAtomically(dir.resolve(RUN_JSON), JSON.writeValueAsBytes(info));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(RUN_JSON) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Writes {@code canary.json}: every machine canary reading of the run so far. */
    public void writeCanary(List<MachineCanary.Reading> readings) {
        Path file = dir.resolve(CANARY_JSON);
        try {
            writeAtomically(file, JSON.writeValueAsBytes(new MachineCanary.File(MachineCanary.File.SCHEMA_VERSION,
                    List.copyOf(readings))));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Writes {@code floor.json}: the C floor of the IPC round trips ({@link CFloor}). */
    public void writeFloor(CFloor.File floor) {
        Path file = dir.resolve(FLOOR_JSON);
        try {
            writeAtomically(file, JSON.writeValueAsBytes(floor));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Writes every result so far in JMH's own JSON format, through JMH's own writer. */
    public void writeResults(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        writeAtomically(dir.resolve(JMH_JSON), bytes.toByteArray());
    }

    /** Renames {@code <run-id>.partial/} to {@code <run-id>/}: the run is finished and will never change again. */
    public Path moveIntoPlace() {
        Path target = resultsDir.resolve(runId);
        try {
            DurableFiles.move(dir, target);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot rename to " + target + ": " + e.getMessage(), e);
        }
        dir = target;
        return target;
    }

    private static void writeAtomically(Path file, byte[] content) {
        try {
            DurableFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
