package io.execbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare, calibrate, trend and export through the command line, on copies of fixtures/nightly. */
class CompareCommandTest {

    static final String A = "2026-11-26T13-59-28Z_52ad145_b663e4";
    static final String B = "2026-11-26T14-01-21Z_52ad145_b663e4";
    static final String SLOWER = "2026-11-26T14-01-22Z_52ad145_b663e4";

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HarnessMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path results() {
        return Fixtures.copy("nightly/results", temp.resolve("results"));
    }

    @Test
    void failsOnTheRegressionOnlyWhenAsked() throws Exception {
        Path results = results();

        assertThat(run("compare", "--latest", "--results=" + results, "--fail-on-regression")).isEqualTo(4);
        assertThat(out.toString()).contains("Verdict: 2 regressed, 0 improved")
                .contains("against " + B + " (latest comparable)")
                .contains("Verdict files: " + results.resolve(SLOWER).resolve("verdict.json"));
        assertThat(run("compare", "--latest", "--results=" + results)).isZero();
        assertThat(run("compare", "--latest", "--results=" + results, "--fail-on-regression=false")).isZero();

        var json = new ObjectMapper().readTree(results.resolve(SLOWER).resolve("verdict.json").toFile());
        assertThat(json.path("regression").asBoolean()).isTrue();
        assertThat(results.resolve(SLOWER).resolve("verdict-junit.xml")).exists();
        assertThat(Files.readString(results.resolve(SLOWER).resolve("verdict.md"))).contains("**regressed**");
    }

    @Test
    void anotherProfileIsNotComparedSilently() throws Exception {
        Path results = results();
        Path runJson = results.resolve(A).resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"name\" : \"quick\"", "\"name\" : \"full\""));

        assertThat(run("compare", "--results=" + results, A, B, "--fail-on-regression")).isZero();

        var json = new ObjectMapper().readTree(results.resolve(B).resolve("verdict.json").toFile());
        assertThat(json.path("comparable").asBoolean()).isFalse();
        assertThat(json.path("notComparableReason").asText())
                .isEqualTo("profile differs (baseline full, this run quick)");
        assertThat(json.path("counts").path("not comparable").asInt()).isEqualTo(12);
    }

    @Test
    void theFirstRunHasNoBaseline() {
        Path results = results();
        assertThat(run("compare", "--results=" + results, A, "--fail-on-regression")).isZero();
        assertThat(out.toString()).contains("0 regressed").contains("no baseline");
    }

    @Test
    void badArgumentsAndMissingRunsExitTwo() {
        assertThat(run("compare")).isEqualTo(2);
        assertThat(run("compare", temp.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope: no such run folder");
        assertThat(run("compare", "--latest", "--results=" + results(), "--min-effect=-1")).isEqualTo(2);
    }

    @Test
    void calibrateWritesTheNoiseModelThatCompareThenUses() throws Exception {
        Path results = results();

        assertThat(run("calibrate", "--results=" + results, A, B)).isZero();
        assertThat(results.resolve("noise.json")).exists();
        assertThat(run("compare", "--results=" + results, A, B)).isZero();

        assertThat(out.toString()).contains("Verdict: 0 regressed, 0 improved");
        var json = new ObjectMapper().readTree(results.resolve(B).resolve("verdict.json").toFile());
        assertThat(json.path("settings").path("noiseModel").asText()).contains("noise.json (2 runs)");
    }

    @Test
    void calibrateSaysWhichCanaryEachBenchmarkWillBeJudgedAgainst() throws Exception {
        Path results = Fixtures.copy("canary-runs/results", temp.resolve("results"));

        assertThat(run("calibrate", "--results=" + results, "2026-11-27T06-56-23Z_744a18d_b663e4",
                "2026-11-27T07-03-20Z_744a18d_b663e4", "2026-11-27T07-07-58Z_744a18d_b663e4",
                "2026-11-27T07-10-21Z_744a18d_b663e4")).isZero();

        assertThat(out.toString().lines()
                .filter(line -> line.contains("ScalingBenchmark.parallel [kernel=fp, placement=os, threads=1]")))
                .singleElement().asString().contains("score/canary.cpu 51.9%, score/canary.fp 13.7%")
                .endsWith("; judged relative to canary.fp");
    }

    @Test
    void trendAndExportRun() throws Exception {
        Path results = results();
        assertThat(run("trend", "--results=" + results, "--all")).isZero();
        assertThat(out.toString()).contains("Trend: 12 benchmarks over 3 comparable runs up to " + SLOWER);

        assertThat(run("export", "--latest", "--results=" + results, "--to=" + temp.resolve("export"))).isZero();
        var smaller = new ObjectMapper().readTree(temp.resolve("export/github-action-benchmark-smaller.json").toFile());
        assertThat(smaller).hasSize(12);
        assertThat(smaller.get(0).path("name").asText())
                .isEqualTo("io.execbench.workload.KernelBenchmark.baseline [kernel=alu] (avgt)");
        assertThat(new ObjectMapper().readTree(temp.resolve("export/github-action-benchmark-bigger.json").toFile()))
                .isEmpty();
        var bencher = new ObjectMapper().readTree(temp.resolve("export/bencher.json").toFile());
        assertThat(bencher.path("io.execbench.workload.KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)")
                .path("latency").path("value").isNumber()).isTrue();
    }

    @Test
    void theIndexChartsEachBenchmarksHistoryWithLinksToReports() throws Exception {
        Path results = results();
        Path reports = temp.resolve("reports");

        assertThat(run("report", "--latest", "--results=" + results, "--reports=" + reports)).isZero();

        String html = Files.readString(reports.resolve("index.html"));
        assertThat(html).contains("<h2 id=\"history\">History</h2>")
                .contains("3 runs comparable with " + SLOWER);
        assertThat(html.split("<section class=\"trend\">", -1)).hasSize(13);
        // Only the latest run has a report, so each chart links that point, and only that one.
        assertThat(html.split("<a href='./" + SLOWER + "/index.html'>", -1)).hasSize(13);
        // The one script is the page's own (the dashboard's filter box); nothing from the results adds one.
        assertThat(html).doesNotContain("href='./" + A);
        assertThat(html.split("<script", -1)).hasSize(2);
        // Self-contained: the SVG namespace is the only URL.
        assertThat(html.replace("xmlns='http://www.w3.org/2000/svg'", "")).doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void theIndexDashboardPutsTheNewestRegressionsFirstAndNamesNoAbsolutePath() throws Exception {
        Path results = results();
        Path reports = temp.resolve("reports");

        assertThat(run("report", "--latest", "--results=" + results, "--reports=" + reports)).isZero();

        String html = Files.readString(reports.resolve("index.html"));
        // compare --latest finds the same two regressions (failsOnTheRegressionOnlyWhenAsked): the alu kernel at
        // 1000 and 100000 work units, 10% slower in the derived run; they lead, largest change first.
        java.util.List<String> rows = java.util.regex.Pattern.compile("<summary>(.*?)</summary>").matcher(html)
                .results().map(m -> m.group(1).replaceAll("<svg.*?</svg>", "").replaceAll("<[^>]+>", " ")
                        .replace("&#61;", "=").replaceAll("\\s+", " ").strip())
                .toList();
        assertThat(rows).hasSize(12);
        assertThat(rows.subList(0, 2)).allMatch(row -> row.contains("[kernel=alu, workUnits=")
                && row.contains(" regressed +10.0% ["));
        assertThat(rows.subList(2, 12)).noneMatch(row -> row.contains(" regressed "));
        assertThat(html.split("<svg class='sparkline'", -1)).hasSize(13);
        assertThat(html).contains("Every run found in <code>../results</code>")
                .doesNotContain(temp.toString()).doesNotContain(temp.toRealPath().toString());
    }
}
