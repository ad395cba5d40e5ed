package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.analyse.ResultGrouping;
import io.execbench.harness.analyse.Sketch;
import io.execbench.harness.chart.SvgTickLabels.Label;
import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tick labels as a reader sees them in the SVG: apart from each other, and inside the chart. */
class TickLabelsTest {

    /** The quick profile's IPC payloads, 64 B to 16 MiB, and round trips in us as a 2-CPU machine measured them. */
    private static final double[] PAYLOAD_BYTES = {64, 1024, 16384, 262144, 1048576, 16777216};
    private static final double[] ROUND_TRIP_US = {33, 30, 50, 260, 1000, 17000};
    /** The task sizes of a quick run of the user's workload: the last one just under 10^7. */
    private static final double[] WORK_UNITS = {463, 7607, 78151, 792773, 7724029};
    private static final double[] SPEEDUPS = {0.15, 0.9, 1.4, 1.7, 2};

    @Test
    void theLogAxisOfASmallChartDropsDecadesUntilItsLabelsStandApart() throws Exception {
        // Labelled every decade, 1000000 and 10000000 ran into each other on the IPC card.
        List<Label> axis = SvgTickLabels.of(SketchCharts.render(sketch("payload (bytes)", "round trip (us)",
                PAYLOAD_BYTES, ROUND_TRIP_US), "glance-2")).horizontalAxis();

        assertThat(axis).extracting(Label::text).containsExactly("100", "10000", "1000000");
        for (int i = 1; i < axis.size(); i++) {
            assertThat(axis.get(i).left() - axis.get(i - 1).right()).as("room between %s and %s",
                    axis.get(i - 1).text(), axis.get(i).text()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aLogAxisSpanningLessThanADecadeIsLabelledAtEveryDigit() throws Exception {
        // The memory chart's PSS of 25 to 90 MiB had one label, 50: 1, 2 and 5 times ten put no other in range.
        XyChart chart = new XyChart("memory", null, new Axis("units parked (log scale)", Scale.LOG),
                new Axis("PSS (MiB, log scale)", Scale.LOG), List.of(series(new double[] {1, 100, 10000},
                new double[] {26, 40, 72})), List.of());

        List<Label> axis = SvgTickLabels.of(XyChartRenderer.render(chart, "memory-1")).verticalAxis();

        assertThat(axis).extracting(Label::text).contains("30", "50", "70").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theSameAxisOnAFullSizeChartKeepsEveryDecade() throws Exception {
        XyChart chart = new XyChart("round trip", null, new Axis("payload (bytes, log scale)", Scale.LOG),
                new Axis("time (us, log scale)", Scale.LOG), List.of(series(PAYLOAD_BYTES, ROUND_TRIP_US)), List.of());

        assertThat(SvgTickLabels.of(XyChartRenderer.render(chart, "ipc-1")).horizontalAxis()).extracting(Label::text)
                .containsExactly("100", "1000", "10000", "100000", "1000000", "10000000");
    }

    @Test
    void theLastTickLabelOfASketchStaysInsideTheChart() throws Exception {
        // 10000000 centred on its tick near the right end reached 15 px past the card's 420.
        SvgTickLabels labels = SvgTickLabels.of(SketchCharts.render(sketch("size (bytes hashed)",
                "speedup over inline", WORK_UNITS, SPEEDUPS), "glance-1"));

        assertThat(labels.horizontalAxis().getLast().text()).isEqualTo("10000000");
        assertInside(labels);
    }

    @Test
    void theLastTickLabelOfAFullSizeChartStaysInsideIt() throws Exception {
        XyChart chart = new XyChart("speedup", null, new Axis("task size (workUnits, log scale)", Scale.LOG),
                new Axis("speedup (x inline, log scale)", Scale.LOG), List.of(series(WORK_UNITS, SPEEDUPS)),
                List.of());

        SvgTickLabels labels = SvgTickLabels.of(XyChartRenderer.render(chart, "workload-2"));

        assertThat(labels.horizontalAxis().getLast().text()).isEqualTo("10000000");
        assertInside(labels);
    }

    @Test
    void theLastScoreTickOfAHorizontalBarChartStaysInsideIt() throws Exception {
        // The quick workload run's batch times reach 9.6 s in us/op: the score axis ends on 10000000.
        var groups = ResultGrouping.group(RunReader.read(ReportResources.path("workload-quick")).results());

        SvgTickLabels labels = SvgTickLabels.of(ScoreChartRenderer.render(groups.getFirst(), "chart-1"));

        assertThat(labels.horizontalAxis().getLast().text()).isEqualTo("10000000");
        assertInside(labels);
    }

    private static void assertInside(SvgTickLabels labels) {
        assertThat(labels.labels()).isNotEmpty().allSatisfy(label -> {
            assertThat(label.left()).as(label.text()).isGreaterThanOrEqualTo(0);
            assertThat(label.right()).as(label.text()).isLessThanOrEqualTo(labels.svgWidth());
        });
    }

    private static Sketch sketch(String xLabel, String yLabel, double[] x, double[] y) {
        List<Sketch.Point> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(new Sketch.Point(x[i], new Estimate(y[i], y[i] * 0.8, y[i] * 1.2, 0.999)));
        }
        return new Sketch(xLabel, yLabel, List.of(new Sketch.Line("measured", points)), Double.NaN);
    }

    private static Series series(double[] x, double[] y) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(new Point(x[i], y[i], y[i] * 0.8, y[i] * 1.2));
        }
        return new Series("measured", 0, Style.POINTS_WITH_INTERVALS, points);
    }
}
