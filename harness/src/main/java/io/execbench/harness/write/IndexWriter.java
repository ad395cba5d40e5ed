package io.execbench.harness.write;

import io.execbench.harness.read.RunInfo;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.stats.Numbers;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code <reports>/index.html}: every run in the results folder, newest first, linked to its report. */
public final class IndexWriter {

    private IndexWriter() {
    }

    /** Writes the index of {@code listings} (in any order) and returns the absolute path of the file written. */
    public static Path write(Path resultsDir, List<RunListing> listings, Path reportsDir) throws IOException {
        return write(resultsDir, listings, null, List.of(), reportsDir);
    }

    /**
     * Writes the index of {@code listings} (oldest first) with the history charts {@code trends} below it, under the
     * heading note {@code historyNote} (null: no history section), and returns the absolute path of the file.
     */
    public static Path write(Path resultsDir, List<RunListing> listings, String historyNote,
                             List<IndexPage.Trend> trends, Path reportsDir) throws IOException {
        Path results = resultsDir.toAbsolutePath().normalize();
        Path reports = reportsDir.toAbsolutePath().normalize();
        String relative = relative(results, reports);
        List<IndexPage.Entry> entries = listings.reversed().stream()
                .map(listing -> entry(listing, reportsDir, results.toString(), relative))
                .toList();
        Path file = reports.resolve(ReportWriter.INDEX_HTML);
        AtomicFiles.write(file, Templates.render("index.html.mustache",
                new IndexPage(relative, entries, historyNote, trends)));
        return file;
    }

    /**
     * {@code results} as seen from {@code reports}, e.g. {@code ../results}: the page travels (a CI artifact, a
     * mail) and must not print the layout of the machine that rendered it. Where no relative path exists (another
     * drive), only the folder's own name.
     */
    static String relative(Path results, Path reports) {
        try {
            String path = reports.relativize(results).toString().replace('\\', '/');
            return path.isEmpty() ? "." : path;
        } catch (IllegalArgumentException e) {
            Path name = results.getFileName();
            return name == null ? "." : name.toString();
        }
    }

    private static IndexPage.Entry entry(RunListing listing, Path reportsDir, String resultsAbsolute,
                                         String resultsRelative) {
        String id = listing.folder().id();
        // A folder whose name cannot be a run id has no report, and its name must not reach a path.
        String href = listing.folder().unusableName() == null
                && Files.isRegularFile(ReportWriter.reportFile(reportsDir, id)) ? link(id) : null;
        RunInfo info = listing.info();
        if (info == null) {
            // The reason names the file; name it as the header names the folder, not by this machine's layout.
            return new IndexPage.Entry(id, href, "unreadable", "", "", "", "", "",
                    listing.problem() == null ? null : listing.problem().replace(resultsAbsolute, resultsRelative));
        }
        return new IndexPage.Entry(id, href, info.status().label(), info.profile().name(),
                info.git().shortCommit(), Numbers.instant(info.startedAt()),
                Numbers.count(listing.benchmarkCount()), Numbers.count(info.failures().size()), null);
    }

    /**
     * A relative link to a run's report. The leading {@code ./} keeps a folder named like a URL scheme
     * ({@code javascript:x}) a path, and percent-encoding keeps {@code #}, {@code ?} and spaces literal.
     */
    public static String link(String runId) {
        String segment = URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("+", "%20");
        return "./" + segment + "/" + ReportWriter.INDEX_HTML;
    }
}
