package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.analyse.Sketch;
import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import io.execbench.harness.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A quantity that cannot be negative never gets a negative tick, even under a whisker far wider than its value. */
class NonNegativeAxisTest {

    @Test
    void aHugeWhiskerIsCutAtZeroAndMarkedInsteadOfPullingTheAxisNegative() {
        XyChart chart = new XyChart("speedup", "whiskers: 99.9%", new Axis("threads", Scale.COUNT),
                new Axis("speedup", Scale.LINEAR, true), List.of(new Series("measured", 0,
                        Style.POINTS_WITH_INTERVALS, List.of(new Point(1, 1, 1, 1), new Point(2, 1.8, -40, 43.6)))),
                List.of());

        String svg = XyChartRenderer.render(chart, "huge");

        assertThat(numbersShown(svg)).isNotEmpty().allMatch(n -> n >= 0);
        assertThat(svg).contains(XyChartRenderer.CLIPPED_MARK).contains("the interval reaches below zero, cut there");
    }

    @Test
    void withoutTheFlagTheSameChartStillShowsItsNegativeEnd() {
        XyChart chart = new XyChart("difference", null, new Axis("x", Scale.COUNT), new Axis("y", Scale.LINEAR),
                List.of(new Series("measured", 0, Style.POINTS_WITH_INTERVALS,
                        List.of(new Point(1, 1.8, -40, 43.6)))), List.of());

        assertThat(numbersShown(XyChartRenderer.render(chart, "signed"))).anyMatch(n -> n < 0);
        assertThat(XyChartRenderer.render(chart, "signed")).doesNotContain(XyChartRenderer.CLIPPED_MARK);
    }

    @Test
    void aSketchOfSpeedupsKeepsItsAxisAtOrAboveZero() {
        Sketch sketch = new Sketch("threads", "speedup", List.of(new Sketch.Line("a", List.of(
                new Sketch.Point(1, Estimate.exact(1, 0.999)),
                new Sketch.Point(2, new Estimate(1.9, -30, 33.8, 0.999))))), 1);

        String svg = SketchCharts.render(sketch, "glance-1");

        assertThat(svg).startsWith("<svg id='glance-1'").contains(XyChartRenderer.CLIPPED_MARK);
        assertThat(numbersShown(svg)).isNotEmpty().allMatch(n -> n >= 0);
    }

    @Test
    void aWhiskerFarAboveEveryValueIsCutAtThreeTimesTheLargestValueAndMarked() {
        // A smoke run's speedup at 4 threads: 1.7 [0.6, 380000] from three 100 ms iterations.
        XyChart chart = new XyChart("speedup", null, new Axis("threads", Scale.COUNT),
                new Axis("speedup", Scale.LINEAR, true), List.of(new Series("measured", 0,
                        Style.POINTS_WITH_INTERVALS, List.of(new Point(1, 1, 1, 1), new Point(4, 1.7, 0.6, 380000)))),
                List.of());

        String svg = XyChartRenderer.render(chart, "tall");

        assertThat(numbersShown(svg)).isNotEmpty().allMatch(n -> n <= 1.7 * XyChartRenderer.CAP_FACTOR * 1.2);
        assertThat(svg).contains(XyChartRenderer.CAPPED_MARK).contains("cut there");
    }

    /** Every number written as text in the SVG: the tick labels (and any other label). */
    private static List<Double> numbersShown(String svg) {
        List<Double> numbers = new ArrayList<>();
        Matcher text = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        while (text.find()) {
            String label = text.group(1).strip().replace('\u2212', '-');
            if (label.matches("-?[0-9][0-9,.]*")) {
                numbers.add(Double.parseDouble(label.replace(",", "")));
            }
        }
        return numbers;
    }
}
