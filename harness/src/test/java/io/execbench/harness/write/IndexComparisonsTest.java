package io.execbench.harness.write;

import static io.execbench.harness.Fixtures.AB_AA_ID;
import static io.execbench.harness.Fixtures.AB_DUET_ID;
import static io.execbench.harness.Fixtures.AB_REGRESSED_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.Fixtures;
import io.execbench.harness.HarnessMain;
import io.execbench.harness.read.AbListing;
import io.execbench.harness.read.InputFiles;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's A/B section, over the real comparisons of {@code fixtures/ab} and hostile copies of them. */
class IndexComparisonsTest {

    private static final List<String> AA_ROW = List.of(AB_AA_ID, "HEAD ffc667c", "working tree ffc667c", "smoke",
            "interleaved", "2026-12-02T02:44:13Z", "3 noisy");
    private static final List<String> REGRESSED_ROW = List.of(AB_REGRESSED_ID, "8c270a0",
            "working tree (uncommitted changes) 8c270a0", "quick", "interleaved", "2026-12-02T03:25:17Z",
            "3 regressed, 2 unchanged, 4 noisy");
    private static final List<String> DUET_ROW = List.of(AB_DUET_ID, "HEAD f21a329", "working tree f21a329", "smoke",
            "duet", "2026-12-02T06:11:58Z", "2 unchanged, 1 noisy");

    @TempDir
    Path temp;

    @Test
    void listsComparisonsNewestFirstWithBuildsCountsAndLinksToExistingPages() throws Exception {
        Path reports = temp.resolve("reports");
        page(reports, AB_REGRESSED_ID);
        page(reports, AB_DUET_ID);

        String html = Files.readString(write(Fixtures.abResults(), reports));

        assertThat(Html.rows(html, "ab")).map(Html::texts).containsExactly(DUET_ROW, REGRESSED_ROW, AA_ROW);
        assertThat(html).contains("<a href=\"./ab/2026-12-02T03-25-17Z_ab_8c270a0-8c270a0%2B/index.html\">"
                        + AB_REGRESSED_ID + "</a>")
                .contains("<a href=\"./ab/" + AB_DUET_ID + "/index.html\">")
                .doesNotContain("href=\"./ab/" + AB_AA_ID) // no page for it
                .contains("<h2 id=\"ab\">A/B comparisons</h2>", "<a href=\"#ab\">A/B comparisons</a>")
                .doesNotContain("older comparison");
        // The regression is marked twice: the row's edge and its count, in red (index-style).
        assertThat(html).containsOnlyOnce("<tr class=\"ab ab-regressed\">")
                .containsOnlyOnce("<span class=\"verdict v-regressed\">3 regressed</span>");
        ReportSafetyTest.assertSelfContained(html);
    }

    @Test
    void hostileFolderNamesAndTextsAreEscapedAndLinkedOnlyAsRelativePaths() throws Exception {
        Path results = Fixtures.copy("ab/results", temp.resolve("results"));
        Path reports = temp.resolve("reports");
        // A backslash: not a name an id may have, so no link even though a page of that name exists.
        String unusable = "2026-12-09T00-00-00Z_ab_<script>alert(1)<\\script>";
        Fixtures.copy("ab/results/ab/" + AB_AA_ID, results.resolve("ab").resolve(unusable));
        page(reports, unusable);
        String scheme = "javascript:alert(1)";
        Path hostile = Fixtures.copy("ab/results/ab/" + AB_AA_ID, results.resolve("ab").resolve(scheme));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(hostile.resolve("ab.json").toFile());
        root.putObject("a").put("ref", "<script>alert(2)</script>").put("commit", "javascript:alert(3)");
        root.putObject("b").put("ref", "\" onmouseover=\"alert(4)").put("commit", "'><img src=x onerror=alert(5)>");
        root.put("profile", "</td></tr></table><script>alert(6)</script>")
                .put("mode", "javascript:alert(7)" + "x".repeat(200)); // shown cut to 80 characters
        json.writeValue(hostile.resolve("ab.json").toFile(), root);
        page(reports, scheme);

        String html = Files.readString(write(results, reports));

        assertThat(Html.rows(html, "ab")).map(Html::texts).containsExactly(
                List.of(scheme, "<script>alert(2)</script> javascript:alert(3)",
                        "\" onmouseover=\"alert(4) '><img src=x onerror=alert(5)>",
                        "</td></tr></table><script>alert(6)</script>",
                        "javascript:alert(7)" + "x".repeat(60) + "\u2026",
                        "2026-12-02T02:44:13Z",
                        "3 noisy"),
                List.of(unusable, "unreadable ../results/ab/" + unusable + ": the folder name cannot be a run id (a"
                        + " run id is one plain name: not hidden, no slashes or backslashes, no control characters,"
                        + " at most 200 characters)"),
                DUET_ROW, REGRESSED_ROW, AA_ROW);
        assertThat(html).doesNotContain("<script>alert", "<img src", "\" onmouseover", "</td></tr></table><script")
                .contains("<a href=\"./ab/javascript%3Aalert%281%29/index.html\">javascript:alert(1)</a>");
        assertThat(hrefs(html)).allSatisfy(href -> assertThat(href).matches("\\./[^:]*|#[a-z-]+"));
    }

    @Test
    void aTruncatedOversizedOrLinkedFileGivesItsRowOneSentenceNamingItAndSparesTheOthers() throws Exception {
        Path results = Fixtures.copy("ab/results", temp.resolve("results"));
        Path ab = results.resolve("ab");
        Path truncated = Fixtures.copy("ab/results/ab/" + AB_AA_ID, ab.resolve("2026-12-09T00-00-00Z_ab_truncated"));
        byte[] real = Files.readAllBytes(truncated.resolve("ab.json"));
        Files.write(truncated.resolve("ab.json"), java.util.Arrays.copyOf(real, 1000));
        Path huge = Files.createDirectories(ab.resolve("2026-12-08T00-00-00Z_ab_huge"));
        try (RandomAccessFile file = new RandomAccessFile(huge.resolve("ab.json").toFile(), "rw")) {
            file.setLength(InputFiles.AB_JSON_MAX_BYTES + 1); // sparse: nothing is written
        }
        Path linked = Files.createDirectories(ab.resolve("2026-12-07T00-00-00Z_ab_linked"));
        Files.createSymbolicLink(linked.resolve("ab.json"), Files.writeString(temp.resolve("secret"), "hunter2"));
        Files.createDirectories(ab.resolve("2026-12-06T00-00-00Z_ab_empty"));

        String html = Files.readString(write(results, temp.resolve("reports")));

        String in = "../results/ab/";
        assertThat(Html.rows(html, "ab")).map(Html::texts).containsExactly(
                List.of("2026-12-09T00-00-00Z_ab_truncated", "unreadable " + in + "2026-12-09T00-00-00Z_ab_truncated"
                        + "/ab.json: truncated JSON (unexpected end of input at line 37, column 5)"),
                List.of("2026-12-08T00-00-00Z_ab_huge", "unreadable " + in + "2026-12-08T00-00-00Z_ab_huge/ab.json: is"
                        + " 64.0 MiB, more than the 64.0 MiB a results file may hold"),
                List.of("2026-12-07T00-00-00Z_ab_linked", "unreadable " + in + "2026-12-07T00-00-00Z_ab_linked"
                        + "/ab.json: not a regular file (a symbolic link; links are not followed)"),
                List.of("2026-12-06T00-00-00Z_ab_empty", "unreadable " + in + "2026-12-06T00-00-00Z_ab_empty"
                        + "/ab.json: missing: a finished comparison holds ab.json"),
                DUET_ROW, REGRESSED_ROW, AA_ROW);
        assertThat(html).doesNotContain(temp.toString()).doesNotContain("hunter2").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnfinishedComparisonIsListedWithoutVerdictsOrLink() throws Exception {
        Path results = Fixtures.copy("ab/results", temp.resolve("results"));
        String id = "2026-12-09T00-00-00Z_ab_f21a329-f21a329";
        Files.createDirectories(results.resolve("ab").resolve(id + ".partial").resolve("forks"));

        String html = Files.readString(write(results, temp.resolve("reports")));

        assertThat(Html.rows(html, "ab")).map(Html::texts).containsExactly(
                List.of(id, "unfinished no verdict: still running, or stopped before its end"),
                DUET_ROW, REGRESSED_ROW, AA_ROW);
        assertThat(html).contains("<span class=\"status status-unfinished\">unfinished</span>")
                .doesNotContain("href=\"./ab/" + id);
    }

    @Test
    void withoutComparisonsThereIsNoSection() throws Exception {
        Path results = Files.createDirectories(temp.resolve("results"));
        String none = Files.readString(write(results, temp.resolve("reports")));
        Files.createDirectories(results.resolve("ab"));
        String empty = Files.readString(write(results, temp.resolve("reports")));

        for (String html : List.of(none, empty)) {
            assertThat(html).doesNotContain("<h2 id=\"ab\">").doesNotContain("href=\"#ab\"")
                    .doesNotContain("<table class=\"comparisons\">").doesNotContain("<tr class=\"ab");
        }
    }

    @Test
    void moreThanFiftyComparisonsListTheNewestFiftyAndCountTheRest() throws Exception {
        Path results = temp.resolve("results");
        for (int i = 0; i < 53; i++) {
            Fixtures.copy("ab/results/ab/" + AB_AA_ID, results.resolve("ab")
                    .resolve(String.format(java.util.Locale.ROOT, "2026-12-01T00-00-%02dZ_ab_a-b", i)));
        }

        String html = Files.readString(write(results, temp.resolve("reports")));

        List<String> ids = Html.rows(html, "ab").stream().map(row -> row.getFirst().text()).toList();
        assertThat(ids).hasSize(IndexWriter.MAX_COMPARISONS).startsWith("2026-12-01T00-00-52Z_ab_a-b")
                .endsWith("2026-12-01T00-00-03Z_ab_a-b");
        assertThat(html).contains("<p class=\"meta\">3 older comparisons are not listed here; each has its folder in"
                + " ../results/ab.</p>");
    }

    /** The report command writes the section, and says in one line which comparison it could not read. */
    @Test
    void theReportCommandListsTheComparisonsBesideTheRuns() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));
        Fixtures.copy("ab/results/ab", results.resolve("ab"));
        Path broken = Files.createDirectories(results.resolve("ab").resolve("2026-12-09T00-00-00Z_ab_broken"));
        Files.writeString(broken.resolve("ab.json"), "{\"formatVersion\": 1, \"kind\": \"ab\"");
        StringWriter err = new StringWriter();

        int code = HarnessMain.execute(new String[] {"report", "--latest", "--results=" + results,
                "--reports=" + temp.resolve("reports")}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).as("stderr: %s", err).isEqualTo(HarnessMain.ATTENTION); // the newest run failed
        String html = Files.readString(temp.resolve("reports").resolve("index.html"));
        assertThat(Html.rows(html, "run")).hasSize(3);
        assertThat(Html.rows(html, "ab")).map(row -> row.getFirst().text()).containsExactly(
                "2026-12-09T00-00-00Z_ab_broken", AB_DUET_ID, AB_REGRESSED_ID, AB_AA_ID);
        assertThat(err.toString()).isEqualTo("warning: unreadable A/B comparison listed without verdicts: "
                + broken.resolve("ab.json") + ": truncated JSON (unexpected end of input at line 1, column 34)"
                + System.lineSeparator());
    }

    private static Path write(Path results, Path reports) throws Exception {
        return IndexWriter.write(results, List.of(), AbListing.newest(results, IndexWriter.MAX_COMPARISONS), null,
                List.of(), reports);
    }

    /** Stands for a comparison's page, which the index links only when it exists. */
    private static void page(Path reports, String id) throws Exception {
        Path dir = Files.createDirectories(reports.resolve("ab").resolve(id));
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html><title>A/B</title>");
    }

    private static List<String> hrefs(String html) {
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (href.find()) {
            found.add(Html.decode(href.group(1)));
        }
        return found;
    }
}
