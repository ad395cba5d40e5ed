package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.Fixtures;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.analyse.ResultGrouping;
import io.execbench.harness.read.RunReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ScoreChartRendererTest {

    private static ResultGroup paramBench;
    private static ResultGroup nanErrors;

    @BeforeAll
    static void readFixtures() throws Exception {
        paramBench = ResultGrouping.group(RunReader.read(Fixtures.run(Fixtures.COMPLETE_ID)).results()).get(2);
        nanErrors = ResultGrouping.group(
                RunReader.read(Fixtures.run(Fixtures.PARTIAL_ID + ".partial")).results()).getFirst();
    }

    @Test
    void resultTextIsEscapedSoTheSvgParsesBackToTheOriginalLabels() throws Exception {
        String svg = ScoreChartRenderer.render(paramBench, "chart-1");

        assertThat(svg).doesNotContainIgnoringCase("<script");
        assertThat(svg).contains("label=&lt;script&gt;alert(1)&lt;/script&gt;, size=10");
        assertThat(texts(parse(svg))).contains("label=<script>alert(1)</script>, size=10", "label=plain, size=100",
                "ParamBench.hash (thrpt)", "ops/ms (higher is better)");
    }

    @Test
    void everyIdIsPrefixedAndOutputIsTheSameEveryTime() {
        String svg = ScoreChartRenderer.render(paramBench, "chart-7");

        assertThat(svg).startsWith("<svg id='chart-7'");
        assertThat(ids(svg)).isNotEmpty().allMatch(id -> id.equals("chart-7") || id.startsWith("chart-7-"));
        assertThat(ScoreChartRenderer.render(paramBench, "chart-7")).isEqualTo(svg);
    }

    @Test
    void declaresOnlyTheSvgNamespaceAndReferencesNothingOutside() {
        String svg = ScoreChartRenderer.render(paramBench, "chart-1");

        List<String> urls = new ArrayList<>();
        Matcher url = Pattern.compile("https?://[^'\"\\s]*").matcher(svg);
        while (url.find()) {
            urls.add(svg.substring(url.start() - 7, url.end()));
        }
        assertThat(urls).containsExactly("xmlns='http://www.w3.org/2000/svg");
        assertThat(svg).doesNotContain("href").doesNotContain("<image");
        assertThat(Pattern.compile("url\\((?!#chart-1-)").matcher(svg).find()).isFalse();
    }

    @Test
    void whiskerHalfWidthIsJmhErrorAndNaNDrawsNothing() {
        DefaultStatisticalCategoryDataset dataset = ScoreChartRenderer.dataset(paramBench);

        assertThat(dataset.getColumnCount()).isEqualTo(6);
        assertThat(dataset.getMeanValue("score", "label=plain, size=10")).isEqualTo(185455.8360496449);
        assertThat(dataset.getStdDevValue("score", "label=plain, size=10")).isEqualTo(73925.15579000545);

        DefaultStatisticalCategoryDataset nan = ScoreChartRenderer.dataset(nanErrors);
        assertThat(nan.getMeanValue("score", "(no params)")).isEqualTo(1.2881021890902078);
        assertThat(nan.getStdDevValue("score", "(no params)")).isNull();
        assertThat(ScoreChartRenderer.render(nanErrors, "chart-2")).doesNotContain("NaN");
    }

    @Test
    void refusesAnIdThatWouldNeedEscaping() {
        assertThatThrownBy(() -> ScoreChartRenderer.render(paramBench, "x' onload='alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<String> ids(String svg) {
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile(" id='([^']*)'").matcher(svg);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }
}
