package io.execbench.harness.write;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.FAILED_ID;
import static io.execbench.harness.Fixtures.PARTIAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.AbListing;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexWriterTest {

    @TempDir
    Path temp;

    @Test
    void listsEveryRunNewestFirstAndLinksOnlyExistingReports() throws Exception {
        Path reports = temp.resolve("reports");
        ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);

        String html = Files.readString(write(Fixtures.results(), reports));

        assertThat(Html.rows(html)).map(Html::texts).containsExactly(
                List.of(FAILED_ID, "failed", "test", "86bb15c", "2026-11-26T13:25:32Z", "1", "1"),
                List.of(PARTIAL_ID, "partial", "test", "86bb15c", "2026-11-26T13:25:24Z", "1", "0"),
                List.of(COMPLETE_ID, "complete", "test", "86bb15c", "2026-11-26T13:25:16Z", "8", "0"));
        assertThat(html).contains("<a href=\"./" + COMPLETE_ID + "/index.html\">" + COMPLETE_ID + "</a>")
                .doesNotContain("href=\"./" + FAILED_ID);
        ReportSafetyTest.assertSelfContained(html);
    }

    @Test
    void anUnreadableRunIsListedWithItsProblem() throws Exception {
        Path results = Fixtures.copy("broken/truncated", temp.resolve("results").resolve("2026-11-27T00-00-00Z_x"));

        String html = Files.readString(write(results.getParent(), temp.resolve("reports")));

        assertThat(Html.rows(html)).map(Html::texts).containsExactly(List.of(
                // The file named as the header names the folder: relative to the reports folder.
                "2026-11-27T00-00-00Z_x" + "../results/2026-11-27T00-00-00Z_x/jmh.json"
                        + ": truncated JSON (unexpected end of input at line 36, column 6)",
                "unreadable", "", "", "", "", ""));
    }

    @Test
    void theResultsFolderIsNamedRelativeToTheReportsFolderNeverByAnAbsolutePath() throws Exception {
        Path results = Files.createDirectories(temp.resolve("nightly").resolve("results"));

        String html = Files.readString(write(results, temp.resolve("site").resolve("reports")));

        assertThat(html).contains("Every run found in <code>../../nightly/results</code>")
                .doesNotContain(temp.toString());
        assertThat(IndexWriter.relative(Path.of("/a/results"), Path.of("/a/results"))).isEqualTo(".");
        assertThat(IndexWriter.relative(Path.of("/a/results"), Path.of("/a/reports"))).isEqualTo("../results");
    }

    @Test
    void aHostileBenchmarkNameIsEscapedInTheDashboardRow() throws Exception {
        String hostile = "Bench.x [label=<script>alert(1)</script>\"'&] (avgt)";
        IndexPage.Trend trend = new IndexPage.Trend("trend-1", hostile, "<svg class='sparkline'></svg>",
                "1.000 ns/op", "regressed", "+10.0%", "none", "<svg id='trend-1-chart'></svg>", "2 runs, no change point",
                java.util.List.of());
        Path file = IndexWriter.write(temp.resolve("results"), List.of(), AbListing.Newest.NONE, "2 runs",
                List.of(trend), temp.resolve("reports"));

        String html = Files.readString(file);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("=<script")
                .contains("<span class=\"name\">Bench.x [label&#61;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;]"
                        + " (avgt)</span>");
    }

    @Test
    void anEmptyResultsFolderSaysSo() throws Exception {
        Path results = Files.createDirectories(temp.resolve("results"));

        assertThat(Files.readString(write(results, temp.resolve("reports")))).contains("<p>No run yet.</p>");
    }

    @Test
    void linksStayRelativePathsWhateverTheFolderName() {
        assertThat(IndexWriter.link("javascript:alert(1)")).isEqualTo("./javascript%3Aalert%281%29/index.html");
        assertThat(IndexWriter.link("a b#c?d")).isEqualTo("./a%20b%23c%3Fd/index.html");
    }

    private static Path write(Path results, Path reports) throws Exception {
        List<RunListing> listings = RunLocator.list(results).stream().map(RunListing::of).toList();
        return IndexWriter.write(results, listings, reports);
    }
}
