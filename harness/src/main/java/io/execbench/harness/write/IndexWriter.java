package io.execbench.harness.write;

import io.execbench.harness.read.AbListing;
import io.execbench.harness.read.AbSummary;
import io.execbench.harness.read.RunInfo;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.stats.Numbers;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes {@code <reports>/index.html}: every run in the results folder, newest first, linked to its report; then the
 * newest A/B comparisons, linked to their pages; then the history.
 */
public final class IndexWriter {

    /** How many A/B comparisons the index lists at most; the rest are counted in one line. */
    public static final int MAX_COMPARISONS = 50;

    /** A git commit hash, which the row shortens as git does. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    /** Longest text of a comparison shown in full: a ref or a profile; a longer one is cut, marked with an ellipsis. */
    private static final int MAX_SHOWN_CHARS = 80;

    private IndexWriter() {
    }

    /** Writes the index of {@code listings} (in any order) and returns the absolute path of the file written. */
    public static Path write(Path resultsDir, List<RunListing> listings, Path reportsDir) throws IOException {
        return write(resultsDir, listings, AbListing.Newest.NONE, null, List.of(), reportsDir);
    }

    /**
     * Writes the index of {@code listings} (oldest first), the A/B comparisons {@code comparisons} (newest first; no
     * section when there is none), and the history charts {@code trends} below them under the heading note
     * {@code historyNote} (null: no history section); returns the absolute path of the file.
     */
    public static Path write(Path resultsDir, List<RunListing> listings, AbListing.Newest comparisons,
                             String historyNote, List<IndexPage.Trend> trends, Path reportsDir) throws IOException {
        Path results = resultsDir.toAbsolutePath().normalize();
        Path reports = reportsDir.toAbsolutePath().normalize();
        String relative = relative(results, reports);
        List<IndexPage.Entry> entries = listings.reversed().stream()
                .map(listing -> entry(listing, reportsDir, results.toString(), relative))
                .toList();
        Path file = reports.resolve(ReportWriter.INDEX_HTML);
        AtomicFiles.write(file, Templates.render("index.html.mustache", new IndexPage(relative, entries,
                comparisons(comparisons, reports, results.toString(), relative), historyNote, trends)));
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

    private static IndexPage.Comparisons comparisons(AbListing.Newest newest, Path reports, String resultsAbsolute,
                                                     String resultsRelative) {
        if (!newest.any()) {
            return null;
        }
        List<IndexPage.AbRow> rows = newest.listings().stream()
                .map(listing -> abRow(listing, reports, resultsAbsolute, resultsRelative)).toList();
        String older = newest.older() == 0 ? null : newest.older() + (newest.older() == 1
                ? " older comparison is" : " older comparisons are") + " not listed here; each has its folder in "
                + resultsRelative + "/" + AbListing.DIR + ".";
        return new IndexPage.Comparisons(rows, older,
                newest.problem() == null ? null : newest.problem().replace(resultsAbsolute, resultsRelative));
    }

    private static IndexPage.AbRow abRow(AbListing listing, Path reports, String resultsAbsolute,
                                         String resultsRelative) {
        String id = listing.folder().id();
        if (listing.unfinished()) {
            return IndexPage.AbRow.stateOnly(id, "unfinished", "no verdict: still running, or stopped before its end");
        }
        AbSummary summary = listing.summary();
        if (summary == null) {
            // Named as the runs' problems are: relative to the reports folder, not by this machine's layout.
            return IndexPage.AbRow.stateOnly(id, "unreadable",
                    listing.problem().replace(resultsAbsolute, resultsRelative));
        }
        // As for runs: only a name that can be an id reaches a path or a link.
        String href = listing.folder().unusableName() == null && Files.isRegularFile(
                ReportWriter.reportFile(reports.resolve(AbListing.DIR), id)) ? abLink(id) : null;
        return new IndexPage.AbRow(id, href, clip(summary.a().ref()), commit(summary.a()), clip(summary.b().ref()),
                commit(summary.b()), clip(summary.profile()), clip(summary.mode()),
                Numbers.instant(summary.startedAt()), verdicts(summary), summary.count("regressed") > 0, null, null);
    }

    /** The verdicts some benchmark got, with their counts; one line, so a verdict no benchmark got is left out. */
    private static List<IndexPage.VerdictCount> verdicts(AbSummary summary) {
        List<IndexPage.VerdictCount> counts = new ArrayList<>();
        for (String verdict : AbSummary.VERDICTS) {
            if (summary.count(verdict) > 0) {
                counts.add(new IndexPage.VerdictCount(Numbers.count(summary.count(verdict)) + " " + verdict,
                        verdict.replace(' ', '-'), counts.isEmpty()));
            }
        }
        if (counts.isEmpty()) {
            counts.add(new IndexPage.VerdictCount("no benchmark", "not-comparable", true));
        }
        return counts;
    }

    /** A build's commit as git shortens it, or null when its ref already is that commit (a ref given as a hash). */
    private static String commit(AbSummary.Build build) {
        String commit = build.commit();
        String shown = COMMIT.matcher(commit).matches() ? commit.substring(0, 7) : clip(commit);
        return build.ref().equals(shown) || build.ref().equals(commit) ? null : shown;
    }

    /** {@code text}, cut to {@value #MAX_SHOWN_CHARS} characters with an ellipsis when longer. */
    private static String clip(String text) {
        if (text.length() <= MAX_SHOWN_CHARS) {
            return text;
        }
        int end = MAX_SHOWN_CHARS - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "\u2026";
    }

    /** The relative link to an A/B comparison's page, built as {@link #link} builds a run's. */
    private static String abLink(String id) {
        return "./" + AbListing.DIR + "/" + segment(id) + "/" + ReportWriter.INDEX_HTML;
    }

    /**
     * A relative link to a run's report. The leading {@code ./} keeps a folder named like a URL scheme
     * ({@code javascript:x}) a path, and percent-encoding keeps {@code #}, {@code ?} and spaces literal.
     */
    public static String link(String runId) {
        return "./" + segment(runId) + "/" + ReportWriter.INDEX_HTML;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
