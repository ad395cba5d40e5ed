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
        ValueAxis values;
        if (spec.logScale()) {
            values = FixedTickAxes.log(spec.valueLabel());
        } else {
            NumberAxis linear = new NumberAxis(spec.valueLabel());
            linear.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabelFormat()));
            linear.setAutoRangeIncludesZero(true);
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

    /** Rows are series and columns categories, each in the spec's order; NaN becomes no bar or no whisker. */
    static DefaultStatisticalCategoryDataset dataset(GroupedBarChart spec) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (String series : spec.series()) {
            for (String category : spec.categories()) {
                Bar bar = spec.bars().stream()
                        .filter(b -> b.series().equals(series) && b.category().equals(category))
                        .findFirst().orElse(null);
                Double value = bar == null || !Double.isFinite(bar.value()) ? null : bar.value();
                Double half = bar == null || !Double.isFinite(bar.halfWidth()) ? null : bar.halfWidth();
                dataset.add(value, half, series, category);
            }
        }
        return dataset;
    }
}
