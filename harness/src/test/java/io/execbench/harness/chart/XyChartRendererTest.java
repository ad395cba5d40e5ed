package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class XyChartRendererTest {

    @Test
    void aLogAxisWhoseFirstSeriesHasOnePointIsRangedOverEverySeries() {
        // A model measured at the largest task size only (eventLoop), drawn before those measured at every size.
        XyChart chart = new XyChart(null, null, new Axis("size, log", Scale.LOG, true),
                new Axis("speedup", Scale.LINEAR, true), List.of(
                        new Series("eventLoop", 0, Style.POINTS_WITH_INTERVALS, List.of(new Point(7934681, 1, 0.5, 2))),
                        new Series("processes", 1, Style.POINTS_WITH_INTERVALS, List.of(
                                new Point(85222, 0.8, 0.4, 1.6), new Point(7934681, 1.8, 0.9, 3.6)))), List.of());

        var plot = XyChartRenderer.chart(chart).getXYPlot();
        assertThat(plot.getDomainAxis().getRange().getLowerBound()).isLessThan(85222);
        assertThat(plot.getRangeAxis().getRange().getUpperBound()).isGreaterThanOrEqualTo(3.6); // every whisker

    }
}
