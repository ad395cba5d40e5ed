package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.analyse.Sketch;
import io.execbench.harness.stats.Estimate;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Axis titles as a reader sees them: whole where they fit, smaller where not, never cut by the chart's edge. */
class AxisTitlesTest {

    private static final SVGGraphics2D G2 = new SVGGraphics2D(1, 1);
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    void aTitleThatFitsIsLeftAlone() {
        NumberAxis axis = axis("speedup over one thread");

        assertThat(AxisTitles.fit(axis, G2, 400)).isFalse();
        assertThat(axis.getLabel()).isEqualTo("speedup over one thread");
        assertThat(axis.getLabelFont()).isEqualTo(ChartStyle.LABEL_FONT);
    }

    @Test
    void aTitleALittleTooLongIsSetSmallerAndKeptWhole() {
        NumberAxis axis = axis("speedup over one thread");
        double whole = width(ChartStyle.LABEL_FONT, "speedup over one thread");

        assertThat(AxisTitles.fit(axis, G2, whole - 10)).isTrue();
        assertThat(axis.getLabel()).isEqualTo("speedup over one thread");
        assertThat(axis.getLabelFont().getSize2D()).isLessThan(ChartStyle.LABEL_FONT.getSize2D())
                .isGreaterThanOrEqualTo(AxisTitles.MIN_SIZE_PX);
        assertThat(width(axis.getLabelFont(), axis.getLabel())).isLessThanOrEqualTo(whole - 10);
    }

    @Test
    void aTitleFarTooLongIsShortenedWithAnEllipsisAtTheSmallestSize() {
        NumberAxis axis = axis("cheap p99 at 1000 req/s (ms)");

        assertThat(AxisTitles.fit(axis, G2, 80)).isTrue();
        assertThat(axis.getLabelFont().getSize2D()).isEqualTo(AxisTitles.MIN_SIZE_PX);
        assertThat(axis.getLabel()).startsWith("cheap").endsWith("\u2026");
        assertThat(width(axis.getLabelFont(), axis.getLabel())).isLessThanOrEqualTo(80);
    }

    @Test
    void theScalingCardsTitleFitsBesideAPlotUnderThreeRowsOfLegend() throws Exception {
        // Five lines make three legend rows on a 420 x 260 card: the title ran past the top ("speedup over one thre").
        List<Sketch.Line> lines = new ArrayList<>();
        for (String name : List.of("kernel=alu, placement=os", "kernel=alu, placement=spread",
                "kernel=fp, placement=os", "kernel=fp, placement=spread", "kernel=memory, placement=os")) {
            List<Sketch.Point> points = new ArrayList<>();
            for (int threads = 1; threads <= 4; threads++) {
                double speedup = Math.min(threads, 2);
                points.add(new Sketch.Point(threads, new Estimate(speedup, speedup * 0.9, speedup * 1.1, 0.999)));
            }
            lines.add(new Sketch.Line(name, points));
        }
        String svg = SketchCharts.render(new Sketch("threads", "speedup over one thread", lines, Double.NaN),
                "glance-3");

        // JFreeSVG draws a rotated title as glyph outlines under matrix(0,-1,1,0,e,f): a point (x, y) lands at
        // (y + e, f - x), so the title's extent on the page is f minus its outline's x range.
        Document document = ScoreChartRendererTest.parse(svg);
        Element title = rotatedTitle(document);
        String[] matrix = title.getAttribute("transform").replaceAll("matrix\\((.*)\\)", "$1").split(",");
        double f = Double.parseDouble(matrix[5]);
        Matcher pair = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)")
                .matcher(((Element) title.getElementsByTagNameNS(SVG_NS, "path").item(0)).getAttribute("d"));
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        while (pair.find()) {
            double x = Double.parseDouble(pair.group(1));
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
        }
        Element plot = dataArea(document);
        double plotTop = Double.parseDouble(plot.getAttribute("y"));
        double plotBottom = plotTop + Double.parseDouble(plot.getAttribute("height"));
        assertThat(maxX).as("the title's outline").isGreaterThan(minX);
        assertThat(f - maxX).as("the title's top").isGreaterThanOrEqualTo(plotTop - 1);
        assertThat(f - minX).as("the title's bottom").isLessThanOrEqualTo(plotBottom + 1);
    }

    private static Element rotatedTitle(Document document) {
        NodeList groups = document.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("transform").startsWith("matrix(0,-1,1,0,")) {
                return group;
            }
        }
        throw new AssertionError("no rotated axis title");
    }

    /** The plot's white background: the first rectangle not at the chart's origin. */
    private static Element dataArea(Document document) {
        NodeList rects = document.getElementsByTagNameNS(SVG_NS, "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (!rect.getAttribute("x").equals("0") && rect.getAttribute("style").startsWith("fill:")) {
                return rect;
            }
        }
        throw new AssertionError("no data area");
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(ChartStyle.LABEL_FONT);
        return axis;
    }

    private static double width(Font font, String text) {
        return G2.getFontMetrics(font).getStringBounds(text, G2).getWidth();
    }
}
