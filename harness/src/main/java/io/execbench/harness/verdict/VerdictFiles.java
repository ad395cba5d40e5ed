package io.execbench.harness.verdict;

import io.execbench.harness.compare.Comparison;
import io.execbench.harness.write.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a comparison's three files into the judged run's folder: {@value #JSON}, {@value #JUNIT} and
 * {@value #MARKDOWN}. These are the only files the harness writes into a run folder; each is written atomically
 * and replaced by the next comparison of the same run (e.g. against a pinned baseline).
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
        AtomicFiles.write(runDir.resolve(JSON), VerdictJson.render(comparison));
        AtomicFiles.write(runDir.resolve(JUNIT), JunitXml.render(comparison));
        AtomicFiles.write(runDir.resolve(MARKDOWN), MarkdownSummary.render(comparison));
        return runDir;
    }
}
