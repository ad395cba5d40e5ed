package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.MachineDrift;
import io.execbench.harness.compare.MetricComparison;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VerdictFilesTest {

    private static final String EVIL = "<script>alert(1)</script>|`x`";

    private static Comparison comparison() {
        BenchmarkKey slow = new BenchmarkKey("p.SlowBenchmark.run", "avgt", Map.of("label", EVIL, "size", "10"));
        BenchmarkKey fine = new BenchmarkKey("p.FineBenchmark.run", "thrpt", Map.of());
        BenchmarkKey gone = new BenchmarkKey("p.GoneBenchmark.run", "avgt", Map.of());
        MetricComparison regressed = new MetricComparison("score", 100, 110, 8, 8, new Estimate(1.1, 1.07, 1.13),
                0.0002, 0.03, Verdict.REGRESSED, "10.0% worse");
        MetricComparison unchanged = new MetricComparison("score", 5, 5, 8, 8, new Estimate(1.0, 0.99, 1.01),
                Double.NaN, 0.03, Verdict.UNCHANGED, "no change");
        return new Comparison("run-2", "run-1", "latest comparable", null, ComparisonSettings.DEFAULTS, "none",
                MachineDrift.NONE,
                List.of(new BenchmarkComparison(fine, "ops/ms", Direction.HIGHER_IS_BETTER, Verdict.UNCHANGED,
                                "no change", List.of(unchanged)),
                        new BenchmarkComparison(gone, "ns/op", Direction.LOWER_IS_BETTER, Verdict.MISSING,
                                "failed in this run", List.of()),
                        new BenchmarkComparison(slow, "ns/op", Direction.LOWER_IS_BETTER, Verdict.REGRESSED,
                                "10.0% worse", List.of(regressed))));
    }

    @Test
    void verdictJsonHoldsCountsVerdictsAndNullForMissingNumbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(VerdictJson.render(comparison()));
        assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.path("baseline").asText()).isEqualTo("run-1");
        assertThat(json.path("regression").asBoolean()).isTrue();
        assertThat(json.path("counts").path("regressed").asInt()).isEqualTo(1);
        assertThat(json.path("counts").path("not comparable").asInt()).isZero();
        JsonNode slow = json.path("benchmarks").get(2);
        assertThat(slow.path("verdict").asText()).isEqualTo("regressed");
        assertThat(slow.path("params").path("label").asText()).isEqualTo(EVIL);
        assertThat(slow.path("better").asText()).isEqualTo("lower");
        assertThat(slow.path("metrics").get(0).path("ratioLow").asDouble()).isEqualTo(1.07);
        assertThat(json.path("benchmarks").get(0).path("metrics").get(0).path("pValue").isNull()).isTrue();
    }

    @Test
    void junitXmlHasOneTestCasePerBenchmarkAndAFailurePerRegression() throws Exception {
        String xml = JunitXml.render(comparison());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        Element testCase = (Element) failure.getParentNode();
        assertThat(testCase.getAttribute("classname")).isEqualTo("p.SlowBenchmark");
        assertThat(testCase.getAttribute("name")).isEqualTo("run [label=" + EVIL + ", size=10] (avgt)");
        assertThat(failure.getAttribute("message")).isEqualTo("regressed: 10.0% worse");
    }

    @Test
    void markdownListsRegressionsFirstAndEscapesNames() {
        String md = MarkdownSummary.render(comparison());
        assertThat(md).startsWith("### execbench: REGRESSION")
                .contains("1 regressed, 0 improved, 1 unchanged, 0 noisy, 0 not comparable, 1 missing")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|\\`x\\`")
                .doesNotContain("<script>");
        assertThat(md.indexOf("**regressed**")).isLessThan(md.indexOf("| missing |"));
        assertThat(md).doesNotContain("FineBenchmark"); // unchanged ones are only counted
    }
}
