package io.execbench.harness.chart;

import java.util.List;

/**
 * What {@link GroupedBarChartRenderer} draws: for each category (e.g. a task size) one bar per series (e.g. an
 * execution model), each with a symmetric whisker.
 *
 * @param title         the chart's title
 * @param subtitle      one line saying how to read it
 * @param categoryLabel the horizontal axis label
 * @param valueLabel    the vertical axis label, with its unit
 * @param logScale      a logarithmic value axis, for values that span decades
 * @param series        series names in legend order
 * @param categories    category names in axis order
 * @param bars          the bars; a missing (series, category) pair leaves a gap
 */
public record GroupedBarChart(String title, String subtitle, String categoryLabel, String valueLabel,
                              boolean logScale, List<String> series, List<String> categories, List<Bar> bars) {

    public GroupedBarChart {
        series = List.copyOf(series);
        categories = List.copyOf(categories);
        bars = List.copyOf(bars);
    }

    /** One bar at {@code value}, its whisker spanning {@code value ± halfWidth} (NaN: no whisker). */
    public record Bar(String series, String category, double value, double halfWidth) {
    }
}
