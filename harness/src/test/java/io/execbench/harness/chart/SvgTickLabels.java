package io.execbench.harness.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jfree.svg.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The tick labels of a rendered chart as JFreeSVG wrote them ({@code <text x y>} in the tick font), each with its
 * width by the same font metrics JFreeSVG positions text with: where a reader sees them, without a browser.
 */
record SvgTickLabels(double svgWidth, List<Label> labels) {

    /** Numbers, and numbers with a percent sign. */
    private static final Pattern TICK = Pattern.compile("-?[0-9][0-9.e-]*%?");
    /** JFreeSVG's own metrics (fractional: DejaVu Sans's digits are 7.63 px wide at 12 px, not 8). */
    private static final SVGGraphics2D SVG = new SVGGraphics2D(1, 1);

    /** One label: its left end, baseline and right end in SVG coordinates. */
    record Label(String text, double left, double baseline, double right) {
    }

    static SvgTickLabels of(String svg) throws Exception {
        Document document = ScoreChartRendererTest.parse(svg);
        double width = Double.parseDouble(document.getDocumentElement().getAttribute("width"));
        String tickSize = "font-size: " + ChartStyle.TICK_FONT.getSize() + "px";
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            String content = text.getTextContent();
            if (TICK.matcher(content).matches() && text.getAttribute("style").contains(tickSize)) {
                double left = Double.parseDouble(text.getAttribute("x"));
                labels.add(new Label(content, left, Double.parseDouble(text.getAttribute("y")),
                        left + SVG.getFontMetrics(ChartStyle.TICK_FONT).getStringBounds(content, SVG).getWidth()));
            }
        }
        return new SvgTickLabels(width, labels);
    }

    /** The labels on the line holding the most of them (the horizontal axis's), left to right. */
    List<Label> horizontalAxis() {
        Map<Double, List<Label>> lines = new TreeMap<>();
        labels.forEach(l -> lines.computeIfAbsent(l.baseline(), y -> new ArrayList<>()).add(l));
        List<Label> line = lines.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        return line.stream().sorted(Comparator.comparingDouble(Label::left)).toList();
    }

    /** The labels right-aligned on the column holding the most of them (the vertical axis's), top to bottom. */
    List<Label> verticalAxis() {
        Map<Long, List<Label>> columns = new TreeMap<>();
        labels.forEach(l -> columns.computeIfAbsent(Math.round(l.right()), x -> new ArrayList<>()).add(l));
        List<Label> column = columns.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        return column.stream().sorted(Comparator.comparingDouble(Label::baseline)).toList();
    }
}
