package io.execbench.harness.write;

import io.execbench.harness.compare.Comparison;
import io.execbench.harness.read.RunReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a comparison's three files into the judged run's folder: {@value #JSON}, {@value #JUNIT} and
 * {@value #MARKDOWN}. These are the only files the harness writes into a run folder; they are written as one set
 * (all three flushed to disk before any replaces its old version, see {@link AtomicFiles#writeAll}) and replaced by
 * the next comparison of the same run (e.g. against a pinned baseline).
 */
public final class VerdictFiles {

    /** The machine-readable verdict. */
    public static final String JSON = "verdict.json";
    /** One JUnit test case per benchmark. */
    public static final String JUNIT = "verdict-junit.xml";
    /** The job summary. */
    public static final String MARKDOWN = "verdict.md";

    private VerdictFiles() {
    }

    /** Writes the three files into {@code runDir} and returns the folder. */
    public static Path write(Comparison comparison, Path runDir) throws IOException {
        if (Files.isSymbolicLink(runDir)) {
            // Writing through a link would put files wherever it points, possibly outside any results folder.
            throw new RunReadException(runDir, "is a symbolic link; verdict files are written only into a real run folder");
        }
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(runDir.resolve(JSON), VerdictJson.render(comparison)); // renamed last: the set's commit point
        files.put(runDir.resolve(JUNIT), JunitXml.render(comparison));
        files.put(runDir.resolve(MARKDOWN), MarkdownSummary.render(comparison));
        AtomicFiles.writeAll(files);
        return runDir;
    }
}
