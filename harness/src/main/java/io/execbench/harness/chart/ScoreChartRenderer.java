package io.execbench.harness.chart;

import io.execbench.harness.analyse.ParamLabel;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

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

    private static final Color BAR = ChartStyle.colour(0);

    private ScoreChartRenderer() {
    }

    /**
     * Renders {@code group} as an {@code <svg>} element with id {@code chartId}; every id inside it starts with
     * {@code chartId}, so several charts can live in one page and the output is the same on every run.
     */
    public static String render(ResultGroup group, String chartId) {
        SvgExport.requireSafeId(chartId);
        int heightPx = FRAME_PX + BAR_ROW_PX * group.results().size();
        return SvgExport.svg(chart(group), chartId, WIDTH_PX, heightPx);
    }

    private static JFreeChart chart(ResultGroup group) {
        CategoryAxis paramsAxis = new CategoryAxis(null);
        paramsAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        paramsAxis.setTickLabelPaint(ChartStyle.INK);
        paramsAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        paramsAxis.setMaximumCategoryLabelLines(2);

        NumberAxis scoreAxis = new NumberAxis(group.unit() + direction(group.mode()));
        scoreAxis.setLabelFont(ChartStyle.LABEL_FONT);
        scoreAxis.setLabelPaint(ChartStyle.INK);
        scoreAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        scoreAxis.setTickLabelPaint(ChartStyle.INK);
        scoreAxis.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabelFormat()));
        scoreAxis.setAutoRangeIncludesZero(true);
        scoreAxis.setRangeType(RangeType.POSITIVE); // a JMH score is a time or a rate: never a negative tick

        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, BAR);
        bars.setErrorIndicatorPaint(ChartStyle.INK);
        bars.setErrorIndicatorStroke(new BasicStroke(1.5f));
        bars.setItemMargin(0);

        DefaultStatisticalCategoryDataset dataset = dataset(group);
        CategoryPlot plot = new CategoryPlot(dataset, paramsAxis, scoreAxis, bars);
        boolean clipped = false;
        for (Object column : dataset.getColumnKeys()) {
            Number mean = dataset.getMeanValue(0, dataset.getColumnIndex((Comparable<?>) column));
            Number half = dataset.getStdDevValue(0, dataset.getColumnIndex((Comparable<?>) column));
            if (mean != null && half != null && mean.doubleValue() - half.doubleValue() < 0) {
                // the whisker is cut where the axis starts; the mark says it goes on (the table gives the interval)
                clipped = true;
                CategoryTextAnnotation mark = new CategoryTextAnnotation(XyChartRenderer.CLIPPED_MARK_LEFT,
                        (Comparable<?>) column, 0);
                mark.setTextAnchor(TextAnchor.CENTER_LEFT);
                mark.setFont(ChartStyle.TICK_FONT);
                mark.setPaint(ChartStyle.INK);
                plot.addAnnotation(mark);
            }
        }
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // the score axis under the bars, where eyes expect it
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);

        JFreeChart chart = new JFreeChart(group.shortName() + " (" + group.mode() + ")", ChartStyle.TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setPaint(ChartStyle.INK);
        TextTitle legend = new TextTitle("bar: score; whisker: 99.9% confidence interval (JMH)"
                + (clipped ? "; " + XyChartRenderer.CLIPPED_MARK_LEFT + " at the axis: the interval reaches below "
                        + "zero, cut there (a score cannot be negative; the table gives the interval)" : ""),
                ChartStyle.SUBTITLE_FONT);
        legend.setPaint(ChartStyle.INK);
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
}
