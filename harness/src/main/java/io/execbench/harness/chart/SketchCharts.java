package io.execbench.harness.chart;

import io.execbench.harness.analyse.Sketch;
import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Marker;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * An answer's {@link Sketch} as a small chart for its "At a glance" card: points with their intervals, one colour
 * per line, log axes where the values span decades, a linear value axis that starts at zero otherwise, and a share
 * axis (0%, 1%, 10%) for a percentage.
 */
final class SketchCharts {

    static final int WIDTH_PX = 420;
    static final int HEIGHT_PX = 260;

    /** Values spanning more than this factor get a log axis. */
    private static final double DECADES = 30;

    private SketchCharts() {
    }

    static String render(Sketch sketch, String chartId) {
        return XyChartRenderer.renderCompact(chart(sketch), chartId, WIDTH_PX, HEIGHT_PX);
    }

    static XyChart chart(Sketch sketch) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < sketch.lines().size(); i++) {
            Sketch.Line line = sketch.lines().get(i);
            series.add(new Series(line.name(), i, Style.POINTS_WITH_INTERVALS, line.points().stream()
                    .map(p -> new Point(p.x(), p.y().value(), p.y().low(), p.y().high())).toList()));
        }
        boolean logX = !sketch.xPercent() && spansDecades(sketch, Sketch.Point::x);
        boolean logY = spansDecades(sketch, p -> p.y().value());
        List<Marker> markers = Double.isFinite(sketch.reference())
                ? List.of(new Marker(false, sketch.reference(), "")) : List.of();
        Axis x = sketch.xPercent() ? new Axis(sketch.xLabel() + ", log with 0%", Scale.SHARE, true)
                : new Axis(sketch.xLabel() + (logX ? ", log" : ""), logX ? Scale.LOG : Scale.COUNT, true);
        return new XyChart(null, null, x,
                new Axis(sketch.yLabel() + (logY ? ", log" : ""), logY ? Scale.LOG : Scale.LINEAR, true),
                series, markers);
    }

    private static boolean spansDecades(Sketch sketch, ToDoubleFunction<Sketch.Point> value) {
        double[] positive = sketch.lines().stream().flatMap(l -> l.points().stream()).mapToDouble(value)
                .filter(v -> v > 0 && Double.isFinite(v)).toArray();
        double min = java.util.Arrays.stream(positive).min().orElse(1);
        double max = java.util.Arrays.stream(positive).max().orElse(1);
        return max / min > DECADES;
    }
}
