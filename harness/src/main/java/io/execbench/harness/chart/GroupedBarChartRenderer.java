package io.execbench.harness.chart;

import io.execbench.harness.chart.GroupedBarChart.Bar;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.RangeType;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/** Draws a {@link GroupedBarChart} as SVG. Draws what it is given; decides nothing. */
public final class GroupedBarChartRenderer {

    public static final int WIDTH_PX = 760;
    public static final int HEIGHT_PX = 420;

    private GroupedBarChartRenderer() {
    }

    public static String render(GroupedBarChart chart, String chartId) {
        SvgExport.requireSafeId(chartId);
        return SvgExport.svg(chart(chart), chartId, WIDTH_PX, HEIGHT_PX);
    }

    static JFreeChart chart(GroupedBarChart spec) {
        CategoryAxis categories = new CategoryAxis(spec.categoryLabel());
        ChartStyle.axis(categories);
        categories.setMaximumCategoryLabelLines(3); // a long label wraps instead of ending in "..."
        ValueAxis values;
        if (spec.logScale()) {
            values = FixedTickAxes.log(spec.valueLabel());
            logRange(spec, values);
        } else {
            NumberAxis linear = new NumberAxis(spec.valueLabel());
            linear.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabelFormat()));
            linear.setAutoRangeIncludesZero(true);
            linear.setRangeType(RangeType.POSITIVE); // bars are rates: never a negative tick
            values = linear;
        }
        ChartStyle.axis(values);

        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setErrorIndicatorPaint(ChartStyle.INK);
        bars.setErrorIndicatorStroke(new BasicStroke(1.5f));
        bars.setItemMargin(0.05);
        for (int i = 0; i < spec.series().size(); i++) {
            bars.setSeriesPaint(i, ChartStyle.colour(i));
        }
        CategoryPlot plot = new CategoryPlot(dataset(spec), categories, values, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.frame(chart, spec.subtitle());
        return chart;
    }

    /**
     * A log axis has no zero for the bars to stand on, and JFreeChart's automatic range would reach down to the
     * lowest whisker end (or forever, for one below zero): the range is set from the bar tops instead, with room
     * for the whiskers above.
     */
    private static void logRange(GroupedBarChart spec, ValueAxis axis) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (Bar bar : spec.bars()) {
            if (bar.value() > 0) {
                lowest = Math.min(lowest, bar.value());
                double top = Double.isFinite(bar.halfWidth()) ? bar.value() + bar.halfWidth() : bar.value();
                highest = Math.max(highest, top);
            }
        }
        if (highest > 0) {
            axis.setRange(lowest / 3, highest * 1.5);
        }
    }

    /** Rows are series and columns categories, each in the spec's order; NaN becomes no bar or no whisker. */
    static DefaultStatisticalCategoryDataset dataset(GroupedBarChart spec) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (String series : spec.series()) {
            for (String category : spec.categories()) {
                Bar bar = spec.bars().stream()
                        .filter(b -> b.series().equals(series) && b.category().equals(category))
                        .findFirst().orElse(null);
                Double value = bar == null || !Double.isFinite(bar.value()) ? null : bar.value();
                boolean drawable = bar != null && Double.isFinite(bar.halfWidth())
                        && (!spec.logScale() || bar.value() - bar.halfWidth() > 0); // a log axis has no zero
                Double half = drawable ? bar.halfWidth() : null;
                dataset.add(value, half, series, category);
            }
        }
        return dataset;
    }
}
