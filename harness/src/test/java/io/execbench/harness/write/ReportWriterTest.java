package io.execbench.harness.write;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.harness.Fixtures;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.write.Html.Cell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path reports;

    @Test
    void everyBenchmarkAndParamCombinationRoundTripsWithScoreErrorIntervalAndUnit() throws Exception {
        Path runDir = Fixtures.run(COMPLETE_ID);
        String html = ReportFixtures.render(runDir, reports);

        List<List<Cell>> rows = Html.rows(html);
        JsonNode jmh = new ObjectMapper().readTree(runDir.resolve("jmh.json").toFile());
        assertThat(rows).hasSize(jmh.size());
        for (JsonNode result : jmh) {
            // Read independently of the harness: Jackson's tree, params joined as the report labels them.
            Map<String, String> params = new TreeMap<>();
            result.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            String label = params.isEmpty() ? "(no params)" : params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            JsonNode metric = result.path("primaryMetric");
            List<Cell> row = rows.stream()
                    .filter(r -> r.get(0).text().equals(label) && r.get(1).text().equals(result.path("mode").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + label));

            assertThat(Double.parseDouble(row.get(2).title())).isEqualTo(metric.path("score").asDouble());
            assertThat(Double.parseDouble(row.get(3).title())).isEqualTo(metric.path("scoreError").asDouble());
            assertThat(Html.texts(row)).containsExactly(label, result.path("mode").asText(),
                    Numbers.format(metric.path("score").asDouble()),
                    "± " + Numbers.format(metric.path("scoreError").asDouble()),
                    "[" + Numbers.format(metric.path("scoreConfidence").get(0).asDouble()) + ", "
                            + Numbers.format(metric.path("scoreConfidence").get(1).asDouble()) + "]",
                    metric.path("scoreUnit").asText(), "1", "3");
        }
    }

    @Test
    void rowsReadAsExpectedNumbers() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);

        assertThat(Html.rows(html)).map(Html::texts).contains(
                List.of("label=plain, size=10", "thrpt", "185456", "± 73925", "[111531, 259381]", "ops/ms", "1", "3"),
                List.of("(no params)", "avgt", "0.7290", "± 1.056", "[-0.3267, 1.785]", "ns/op", "1", "3"));
    }

    @Test
    void eachBenchmarkMethodAndModeHasAChartThenATable() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);

        assertThat(html).contains("<h3>fixture.NoParamBench.baseline <small>thrpt, ops/ns</small></h3>",
                "<h3>fixture.NoParamBench.baseline <small>avgt, ns/op</small></h3>",
                "<h3>fixture.ParamBench.hash <small>thrpt, ops/ms</small></h3>");
        for (int chart = 1; chart <= 3; chart++) {
            int svg = html.indexOf("<svg id='chart-" + chart + "'");
            assertThat(svg).isPositive();
            assertThat(html.indexOf("<table class=\"results sortable\">", svg)).isGreaterThan(svg);
        }
        assertThat(html).doesNotContain("<svg id='chart-4'");
    }

    @Test
    void writesOneFileNamedByRunIdAndLeavesNoTemporaryFile() throws Exception {
        ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);
        ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports); // rewriting replaces the file

        try (var files = Files.walk(reports)) {
            assertThat(files.filter(Files::isRegularFile).map(reports::relativize).map(Path::toString))
                    .containsExactly(COMPLETE_ID + "/index.html");
        }
    }

    @Test
    void environmentShowsWhatRunJsonRecorded() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);

        String text = Html.text(html);
        assertThat(text).contains("Profile test: 1 fork, warm-up 1 × 100 ms, measurement 3 × 100 ms",
                "JVMEclipse Adoptium 25.0.3", "JVM flags-Xmx512m -XX:+UseParallelGC",
                "OS and kernelLinux 6.18.44-fc-v657 amd64", "CPU modelIntel(R) Xeon(R) Processor",
                "Logical CPUs2 (the JVM sees 2)", "CPU frequency governorunknown", "cgroup CPU quotamax",
                "Git commit86bb15c5bae3c23e957bc10318de173174daee8d (dirty: tracked files differed from the commit)",
                "Started (UTC)2026-11-26T13:25:16Z", "Ended (UTC)2026-11-26T13:25:22Z", "Duration5.9 s");
    }
}
