package io.execbench.harness.chart;

import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Marker;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Draws an {@link XyChart} as SVG. Draws what it is given; decides nothing. */
public final class XyChartRenderer {

    public static final int WIDTH_PX = 760;
    public static final int HEIGHT_PX = 460;

    private XyChartRenderer() {
    }

    /** {@code chart} as an {@code <svg>} element with id {@code chartId} (see {@link SvgExport}). */
    public static String render(XyChart chart, String chartId) {
        return render(chart, chartId, WIDTH_PX, HEIGHT_PX);
    }

    public static String render(XyChart chart, String chartId, int widthPx, int heightPx) {
        SvgExport.requireSafeId(chartId);
        return SvgExport.svg(chart(chart), chartId, widthPx, heightPx);
    }

    /** The mark drawn at the axis where an interval is cut: the whisker goes on below zero. */
    static final String CLIPPED_MARK = "\u25BC";
    /** The same mark on a horizontal value axis (bars drawn sideways). */
    static final String CLIPPED_MARK_LEFT = "\u25C0";
    static final String CLIPPED_NOTE = CLIPPED_MARK + " at the axis: the interval reaches below zero, cut there "
            + "(the quantity cannot be negative; the table gives the interval)";
    /** Marks a whisker cut at the top of a linear axis. */
    static final String CAPPED_MARK = "\u25B2";
    /** How far above the largest value a linear axis reaches before whiskers are cut. */
    static final double CAP_FACTOR = 3;
    static final String CAPPED_NOTE = CAPPED_MARK + " the interval reaches past 3x the largest value, cut there (the"
            + " table gives the interval)";
    /** A unit data area: an axis's {@code valueToJava2D} on it is the fraction of the axis a value lies at. */
    private static final Rectangle2D UNIT = new Rectangle2D.Double(0, 0, 1, 1);
    /** Where along the x axis a vertical marker's label moves to the left of its line. */
    private static final double LABEL_LEFT_FROM = 0.6;

    /**
     * {@code chart} small: no title or subtitle (the page says what it is beside it), for the "At a glance" cards.
     */
    public static String renderCompact(XyChart chart, String chartId, int widthPx, int heightPx) {
        SvgExport.requireSafeId(chartId);
        JFreeChart drawn = chart(chart);
        drawn.setTitle((String) null);
        drawn.clearSubtitles();
        if (drawn.getLegend() == null && !chart.series().isEmpty()) {
            drawn.addLegend(new org.jfree.chart.title.LegendTitle(drawn.getPlot()));
        }
        ChartStyle.frame(drawn, null);
        return SvgExport.svg(drawn, chartId, widthPx, heightPx);
    }

    static JFreeChart chart(XyChart spec) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(spec.x()));
        plot.setRangeAxis(axis(spec.y()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlinePaint(ChartStyle.GRID);
        boolean logX = spec.x().scale() == Scale.LOG;
        boolean logY = spec.y().scale() == Scale.LOG;
        boolean clipAtZero = spec.y().nonNegative() && !logY;
        double cap = logY ? Double.POSITIVE_INFINITY : whiskerCap(spec, logX);
        boolean clipped = false;
        boolean capped = false;
        // Ranged once all series are in: a log axis given a first series of one point would get a range of length
        // zero and throw (a model measured at one task size only, drawn first).
        boolean autoX = plot.getDomainAxis().isAutoRange();
        plot.getDomainAxis().setAutoRange(false);
        int index = 0;
        for (Series series : spec.series()) {
            if (series.style() == Style.POINTS_WITH_INTERVALS) {
                plot.setDataset(index, intervals(series, logX, logY, clipAtZero, cap));
                for (Point p : series.points()) {
                    if (drawable(p, logX, logY) && p.high() > cap) {
                        capped = true;
                        XYTextAnnotation mark = new XYTextAnnotation(CAPPED_MARK, p.x(), cap);
                        mark.setTextAnchor(TextAnchor.TOP_CENTER);
                        mark.setFont(ChartStyle.TICK_FONT);
                        mark.setPaint(ChartStyle.colour(series.colour()));
                        plot.addAnnotation(mark);
                    }
                    if (clipAtZero && drawable(p, logX, logY) && p.low() < 0) {
                        clipped = true;
                        XYTextAnnotation mark = new XYTextAnnotation(CLIPPED_MARK, p.x(), 0);
                        mark.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                        mark.setFont(ChartStyle.TICK_FONT);
                        mark.setPaint(ChartStyle.colour(series.colour()));
                        plot.addAnnotation(mark);
                    }
                }
                plot.setRenderer(index, errorRenderer(series));
            } else {
                plot.setDataset(index, line(series, logX, logY));
                plot.setRenderer(index, lineRenderer(series));
            }
            index++;
        }
        plot.getDomainAxis().setAutoRange(autoX);
        plot.configureRangeAxes(); // they were ranged over the data within the domain's range while it was fixed
        for (Marker marker : spec.markers()) {
            ValueMarker line = new ValueMarker(marker.value(), ChartStyle.MUTED, ChartStyle.DASHED);
            line.setLabel(marker.label());
            line.setLabelFont(ChartStyle.TICK_FONT);
            line.setLabelPaint(ChartStyle.INK);
            if (marker.vertical()) {
                // Beside the line, on the side with more room: a label right of a line near the right end ran past
                // the chart's edge (the server chart's "shared rate").
                boolean rightPart = plot.getDomainAxis().valueToJava2D(marker.value(), UNIT, RectangleEdge.BOTTOM)
                        > LABEL_LEFT_FROM;
                line.setLabelAnchor(rightPart ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(rightPart ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
                plot.addDomainMarker(line);
            } else {
                line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(line);
            }
        }
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, plot, !spec.series().isEmpty());
        String note = clipped && capped ? CLIPPED_NOTE + "; " + CAPPED_NOTE : clipped ? CLIPPED_NOTE
                : capped ? CAPPED_NOTE : null;
        ChartStyle.frame(chart, note == null ? spec.subtitle()
                : spec.subtitle() == null ? note : spec.subtitle() + "; " + note);
        return chart;
    }

    /**
     * The top of a linear value axis: {@value #CAP_FACTOR} times the largest value drawn. One interval from three
     * iterations can be ten thousand times its value; drawn whole, it would flatten every point to the axis.
     */
    private static double whiskerCap(XyChart spec, boolean logX) {
        double largest = spec.series().stream().flatMap(s -> s.points().stream())
                .filter(p -> drawable(p, logX, false)).mapToDouble(Point::y).max().orElse(Double.NaN);
        return largest > 0 ? largest * CAP_FACTOR : Double.POSITIVE_INFINITY;
    }

    private static ValueAxis axis(Axis spec) {
        ValueAxis axis = switch (spec.scale()) {
            case LOG -> FixedTickAxes.log(spec.label());
            case NINES -> FixedTickAxes.nines(spec.label());
            case SHARE -> FixedTickAxes.share(spec.label());
            case COUNT -> {
                NumberAxis count = new NumberAxis(spec.label());
                count.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
                count.setAutoRangeIncludesZero(true);
                yield count;
            }
            case LINEAR -> {
                NumberAxis linear = new NumberAxis(spec.label());
                linear.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabelFormat()));
                linear.setAutoRangeIncludesZero(true);
                yield linear;
            }
        };
        if (spec.nonNegative() && axis instanceof NumberAxis number) {
            number.setRangeType(RangeType.POSITIVE); // never a negative tick for a time, a rate or a speedup
        }
        ChartStyle.axis(axis);
        return axis;
    }

    private static XYSeriesCollection line(Series series, boolean logX, boolean logY) {
        XYSeries data = new XYSeries(series.name(), false, true);
        for (Point p : series.points()) {
            if (drawable(p, logX, logY)) {
                data.add(p.x(), p.y());
            }
        }
        return new XYSeriesCollection(data);
    }

    /**
     * On a log axis an interval reaching zero is cut at a thousandth of the value: the axis has no zero. On the axis
     * of a quantity that cannot be negative, an interval reaching below zero is cut at zero (and marked).
     */
    private static YIntervalSeriesCollection intervals(Series series, boolean logX, boolean logY,
                                                       boolean clipAtZero, double cap) {
        YIntervalSeries data = new YIntervalSeries(series.name(), false, true);
        for (Point p : series.points()) {
            if (!drawable(p, logX, logY)) {
                continue;
            }
            boolean hasInterval = Double.isFinite(p.low()) && Double.isFinite(p.high());
            double low = hasInterval ? p.low() : p.y();
            double high = Math.min(hasInterval ? p.high() : p.y(), Math.max(cap, p.y()));
            data.add(p.x(), p.y(), logY ? Math.max(low, p.y() / 1000) : clipAtZero ? Math.max(low, 0) : low, high);
        }
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        collection.addSeries(data);
        return collection;
    }

    private static boolean drawable(Point p, boolean logX, boolean logY) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!logX || p.x() > 0) && (!logY || p.y() > 0);
    }

    private static XYLineAndShapeRenderer lineRenderer(Series series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartStyle.colour(series.colour()));
        renderer.setSeriesStroke(0, switch (series.style()) {
            case DASHED -> ChartStyle.DASHED;
            case DOTTED -> ChartStyle.DOTTED;
            default -> ChartStyle.LINE;
        });
        return renderer;
    }

    private static XYErrorRenderer errorRenderer(Series series) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, ChartStyle.colour(series.colour()));
        renderer.setSeriesStroke(0, new java.awt.BasicStroke(1f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setErrorPaint(ChartStyle.colour(series.colour()));
        renderer.setCapLength(6);
        return renderer;
    }
}
