package io.execbench.harness.chart;

import io.execbench.harness.analyse.ParamLabel;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws one {@link ResultGroup} as an SVG bar chart: one horizontal bar per {@code @Param} combination at the
 * score, with a whisker spanning JMH's 99.9% confidence interval (not min/max: the interval is what says whether two
 * bars differ). Horizontal, so that long parameter labels stay readable. Draws what it is given; decides nothing.
 */
public final class ScoreChartRenderer {

    /** Chart width; the height grows with the number of bars. */
    public static final int WIDTH_PX = 800;
    private static final int BAR_ROW_PX = 34;
    private static final int FRAME_PX = 120;

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /**
     * JFreeSVG always declares the XLink namespace and its own, for image links and {@code jfreesvg:ref} attributes
     * this renderer never asks for. A namespace name is not a fetch, but the report promises no URL other than the
     * SVG namespace, so unused declarations are dropped.
     */
    private static final Map<String, String> OPTIONAL_NAMESPACES = Map.of(
            "xlink", "http://www.w3.org/1999/xlink",
            "jfreesvg", "http://www.jfree.org/jfreesvg/svg");

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color BAR = new Color(0x4C, 0x78, 0xA8);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private ScoreChartRenderer() {
    }

    /**
     * Renders {@code group} as an {@code <svg>} element with id {@code chartId}; every id inside it starts with
     * {@code chartId}, so several charts can live in one page and the output is the same on every run.
     */
    public static String render(ResultGroup group, String chartId) {
        if (!SAFE_ID.matcher(chartId).matches()) {
            throw new IllegalArgumentException("chart id must be a plain XML name: " + chartId);
        }
        int heightPx = FRAME_PX + BAR_ROW_PX * group.results().size();
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH_PX, heightPx);
        svg.setDefsKeyPrefix(chartId + "-");
        svg.setGeomDoubleConverter(ScoreChartRenderer::twoDecimals);
        svg.setTransformDoubleConverter(ScoreChartRenderer::twoDecimals);
        chart(group).draw(svg, new Rectangle(0, 0, WIDTH_PX, heightPx));
        String element = svg.getSVGElement(chartId, true, new ViewBox(0, 0, WIDTH_PX, heightPx), null, null);
        return withoutUnusedNamespaces(element);
    }

    private static String withoutUnusedNamespaces(String element) {
        String svg = element;
        for (Map.Entry<String, String> namespace : OPTIONAL_NAMESPACES.entrySet()) {
            String declaration = " xmlns:" + namespace.getKey() + "='" + namespace.getValue() + "'";
            String withoutDeclaration = svg.replace(declaration, "");
            if (!withoutDeclaration.contains(namespace.getKey() + ":")) {
                svg = withoutDeclaration;
            }
        }
        return svg;
    }

    private static JFreeChart chart(ResultGroup group) {
        CategoryAxis paramsAxis = new CategoryAxis(null);
        paramsAxis.setTickLabelFont(TICK_FONT);
        paramsAxis.setTickLabelPaint(INK);
        paramsAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        paramsAxis.setMaximumCategoryLabelLines(2);

        NumberAxis scoreAxis = new NumberAxis(group.unit() + direction(group.mode()));
        scoreAxis.setLabelFont(LABEL_FONT);
        scoreAxis.setLabelPaint(INK);
        scoreAxis.setTickLabelFont(TICK_FONT);
        scoreAxis.setTickLabelPaint(INK);
        scoreAxis.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabelFormat()));
        scoreAxis.setAutoRangeIncludesZero(true);

        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, BAR);
        bars.setErrorIndicatorPaint(INK);
        bars.setErrorIndicatorStroke(new BasicStroke(1.5f));
        bars.setItemMargin(0);

        CategoryPlot plot = new CategoryPlot(dataset(group), paramsAxis, scoreAxis, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // the score axis under the bars, where eyes expect it
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);

        JFreeChart chart = new JFreeChart(group.shortName() + " (" + group.mode() + ")", TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setPaint(INK);
        TextTitle legend = new TextTitle("bar: score; whisker: 99.9% confidence interval (JMH)", SUBTITLE_FONT);
        legend.setPaint(INK);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The renderer's "standard deviation" slot carries JMH's error (the interval's half-width), so the whisker spans
     * {@code score ± error}, which is exactly JMH's symmetric 99.9% interval. NaN becomes null: no bar, no whisker.
     */
    static DefaultStatisticalCategoryDataset dataset(ResultGroup group) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        Set<String> labels = new HashSet<>();
        for (BenchmarkResult result : group.results()) {
            Metric metric = result.primaryMetric();
            String label = ParamLabel.of(result.params());
            for (int n = 2; !labels.add(label); n++) {
                label = ParamLabel.of(result.params()) + " #" + n; // same params twice, e.g. other thread counts
            }
            dataset.add(finiteOrNull(metric.score()), finiteOrNull(metric.scoreError()), "score", label);
        }
        return dataset;
    }

    private static String direction(String mode) {
        return switch (mode) {
            case "thrpt" -> " (higher is better)";
            case "avgt", "sample", "ss" -> " (lower is better)";
            default -> "";
        };
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Two decimals are finer than a pixel and keep the SVG small; Locale.ROOT keeps the decimal point a dot. */
    private static String twoDecimals(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        return text.equals("-0") ? "0" : text;
    }
}
