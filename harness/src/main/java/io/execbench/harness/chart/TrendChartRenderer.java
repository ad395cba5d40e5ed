package io.execbench.harness.chart;

import io.execbench.harness.compare.Series;
import io.execbench.harness.compare.Shift;
import io.execbench.harness.compare.TrendPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws one benchmark's history as an SVG line chart: one point per run (x = run number, oldest first) at JMH's
 * score, with a whisker spanning JMH's 99.9% interval, and a dashed vertical line before each change point. Every
 * point is a link to its run's report: JFreeChart reports where it drew each point, and a transparent rectangle
 * with a link and a tooltip is laid over it. Draws what it is given; decides nothing.
 */
public final class TrendChartRenderer {

    public static final int WIDTH_PX = 800;
    public static final int HEIGHT_PX = 300;

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color LINE = new Color(0x4C, 0x78, 0xA8);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color WORSE = new Color(0x9B, 0x1C, 0x1C);
    private static final Color BETTER = new Color(0x1E, 0x6B, 0x32);

    private TrendChartRenderer() {
    }

    /**
     * Renders {@code series} as an {@code <svg>} element with id {@code chartId}; {@code hrefOfRun} gives the
     * (already safe, relative) link to a run's report, or null for a run without one.
     */
    public static String render(Series series, String chartId, Function<String, String> hrefOfRun) {
        if (!SAFE_ID.matcher(chartId).matches()) {
            throw new IllegalArgumentException("chart id must be a plain XML name: " + chartId);
        }
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH_PX, HEIGHT_PX);
        svg.setDefsKeyPrefix(chartId + "-");
        svg.setGeomDoubleConverter(TrendChartRenderer::twoDecimals);
        svg.setTransformDoubleConverter(TrendChartRenderer::twoDecimals);
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        chart(series).draw(svg, new Rectangle(0, 0, WIDTH_PX, HEIGHT_PX), info);
        String element = svg.getSVGElement(chartId, true, new ViewBox(0, 0, WIDTH_PX, HEIGHT_PX), null, null);
        element = element.replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
                .replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
        int end = element.lastIndexOf("</svg>");
        return element.substring(0, end) + links(series.points(), info, hrefOfRun) + element.substring(end);
    }

    private static JFreeChart chart(Series series) {
        YIntervalSeries scores = new YIntervalSeries("score");
        List<TrendPoint> points = series.points();
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            boolean interval = Double.isFinite(p.low()) && Double.isFinite(p.high());
            scores.add(i + 1, p.score(), interval ? p.low() : p.score(), interval ? p.high() : p.score());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(scores);

        NumberAxis runs = new NumberAxis("run (oldest first)");
        runs.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        runs.setRange(0.5, Math.max(1.5, points.size() + 0.5));
        NumberAxis values = new NumberAxis(series.unit() + " (" + series.direction().label() + " is better)");
        values.setAutoRangeIncludesZero(false);
        values.setNumberFormatOverride(java.text.NumberFormat.getNumberInstance(Locale.ROOT));
        for (NumberAxis axis : List.of(runs, values)) {
            axis.setLabelFont(SMALL_FONT);
            axis.setTickLabelFont(SMALL_FONT);
            axis.setLabelPaint(INK);
            axis.setTickLabelPaint(INK);
        }

        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, LINE);
        renderer.setErrorPaint(INK);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));

        XYPlot plot = new XYPlot(dataset, runs, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        for (Shift shift : series.shifts()) {
            ValueMarker marker = new ValueMarker(shift.index() + 0.5); // between the last old point and the first new
            marker.setPaint(shift.worse() ? WORSE : BETTER);
            marker.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {6, 4}, 0));
            marker.setLabel(String.format(Locale.ROOT, "%+.1f%%", (shift.ratio() - 1) * 100));
            marker.setLabelFont(SMALL_FONT);
            marker.setLabelPaint(shift.worse() ? WORSE : BETTER);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        }

        JFreeChart chart = new JFreeChart(series.key().label(), TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setPaint(INK);
        TextTitle legend = new TextTitle("point: JMH score per run, whisker: 99.9% interval; dashed: change point",
                SMALL_FONT);
        legend.setPaint(INK);
        chart.addSubtitle(legend);
        return chart;
    }

    private static String links(List<TrendPoint> points, ChartRenderingInfo info,
                                Function<String, String> hrefOfRun) {
        StringBuilder links = new StringBuilder();
        for (Object entity : info.getEntityCollection().getEntities()) {
            if (entity instanceof XYItemEntity item && item.getItem() < points.size()) {
                TrendPoint point = points.get(item.getItem());
                String href = hrefOfRun.apply(point.runId());
                Rectangle2D box = ((ChartEntity) item).getArea().getBounds2D();
                String rect = String.format(Locale.ROOT,
                        "<rect x='%s' y='%s' width='%s' height='%s' fill='transparent'><title>%s</title></rect>",
                        twoDecimals(box.getX() - 2), twoDecimals(box.getY() - 2), twoDecimals(box.getWidth() + 4),
                        twoDecimals(box.getHeight() + 4), xml(point.runId() + ": " + number(point.score())));
                links.append(href == null ? rect : "<a href='" + xml(href) + "'>" + rect + "</a>");
            }
        }
        return links.toString();
    }

    private static String number(double value) {
        return io.execbench.harness.stats.Numbers.format(value);
    }

    /** Escapes text for an XML attribute or element (quotes too). */
    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private static String twoDecimals(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        return text.equals("-0") ? "0" : text;
    }
}
