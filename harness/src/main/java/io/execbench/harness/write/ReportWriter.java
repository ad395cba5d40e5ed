package io.execbench.harness.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one run's report, {@code <reports>/<run-id>/index.html}: a single self-contained HTML file (CSS inline,
 * charts as inline SVG, no external URL of any kind) that can be mailed, archived or opened offline.
 */
public final class ReportWriter {

    /** The file name of every report page. */
    public static final String INDEX_HTML = "index.html";

    private ReportWriter() {
    }

    /** Writes {@code page} and returns the absolute path of the file written. */
    public static Path write(ReportPage page, Path reportsDir) throws IOException {
        Path file = reportFile(reportsDir, page.runId());
        AtomicFiles.write(file, Templates.render("report.html.mustache", page));
        return file;
    }

    /** Writes an A/B comparison's page to {@code <reports>/ab/<id>/index.html} and returns its absolute path. */
    public static Path write(AbPage page, Path reportsDir) throws IOException {
        Path file = reportFile(reportsDir.resolve("ab"), page.id());
        AtomicFiles.write(file, Templates.render("ab.html.mustache", page));
        return file;
    }

    /** Where the report of run {@code runId} lives (whether or not it exists). */
    public static Path reportFile(Path reportsDir, String runId) {
        // The id names a folder: it must not climb out of reportsDir or hide (ids come from folder names, but a
        // caller could pass anything).
        if (runId.isEmpty() || runId.startsWith(".") || runId.contains("/") || runId.contains("\\")) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        return reportsDir.toAbsolutePath().normalize().resolve(runId).resolve(INDEX_HTML);
    }
}
