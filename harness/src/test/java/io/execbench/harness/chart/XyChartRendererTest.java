package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import java.util.List;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XyChartRendererTest {

    private static final SVGGraphics2D METRICS = new SVGGraphics2D(1, 1);

    @Test
    void aLogAxisWhoseFirstSeriesHasOnePointIsRangedOverEverySeries() {
        // A model measured at the largest task size only (eventLoop), drawn before those measured at every size.
        XyChart chart = new XyChart(null, null, new Axis("size, log", Scale.LOG, true),
                new Axis("speedup", Scale.LINEAR, true), List.of(
                        new Series("eventLoop", 0, Style.POINTS_WITH_INTERVALS, List.of(new Point(7934681, 1, 0.5, 2))),
                        new Series("processes", 1, Style.POINTS_WITH_INTERVALS, List.of(
                                new Point(85222, 0.8, 0.4, 1.6), new Point(7934681, 1.8, 0.9, 3.6)))), List.of());

        var plot = XyChartRenderer.chart(chart).getXYPlot();
        assertThat(plot.getDomainAxis().getRange().getLowerBound()).isLessThan(85222);
        assertThat(plot.getRangeAxis().getRange().getUpperBound()).isGreaterThanOrEqualTo(3.6); // every whisker

    }

    @ParameterizedTest
    @ValueSource(doubles = {1000, 1900, 2000})
    void aVerticalMarkersLabelStaysInsideTheChartWhereverTheLineIs(double rate) throws Exception {
        // The server chart's "shared rate" line at the highest offered rate had its label run past the right edge.
        XyChart chart = new XyChart("latency", null, new Axis("offered rate (req/s)", Scale.COUNT),
                new Axis("p99 (ms)", Scale.LINEAR), List.of(new Series("eventLoop", 0, Style.POINTS_WITH_INTERVALS,
                List.of(new Point(1000, 1, 0.5, 2), new Point(2000, 3, 2, 4)))),
                List.of(new XyChart.Marker(true, rate, "shared rate")));

        Document svg = ScoreChartRendererTest.parse(XyChartRenderer.render(chart, "server-1", 420, 260));
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        Element label = null;
        for (int i = 0; i < texts.getLength(); i++) {
            if (texts.item(i).getTextContent().equals("shared rate")) {
                label = (Element) texts.item(i);
            }
        }
        assertThat(label).as("the marker's label").isNotNull();
        double left = Double.parseDouble(label.getAttribute("x"));
        double right = left + METRICS.getFontMetrics(ChartStyle.TICK_FONT).getStringBounds("shared rate", METRICS)
                .getWidth();
        assertThat(left).isGreaterThanOrEqualTo(0);
        assertThat(right).isLessThanOrEqualTo(420);
    }
}
