package io.execbench.harness.chart;

import io.execbench.harness.compare.Series;
import io.execbench.harness.compare.Shift;
import io.execbench.harness.compare.TrendPoint;
import java.util.List;
import java.util.Locale;

/**
 * Draws one benchmark's history as a sparkline: a small inline SVG of its scores, oldest first, scaled to their own
 * range, the newest point a dot and each change point a dashed tick coloured by which way it went. No axes: the
 * dashboard row beside it carries the numbers, and the full chart ({@link TrendChartRenderer}) the scale. Written by
 * hand (a few dozen elements for a whole dashboard, where JFreeChart writes hundreds per chart). Draws what it is
 * given; decides nothing. The only text, the tooltip, is escaped.
 */
public final class SparklineRenderer {

    public static final int WIDTH_PX = 120;
    public static final int HEIGHT_PX = 28;
    private static final double PAD_PX = 3;

    private SparklineRenderer() {
    }

    /** Renders {@code series} as an {@code <svg>} element (no id: many sit on one page); {@code tooltip} is text. */
    public static String render(Series series, String tooltip) {
        List<TrendPoint> points = series.points();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class='sparkline' width='%d' height='%d' viewBox='0 0 %d %d' role='img' aria-label='%s'>"
                        + "<title>%s</title>", WIDTH_PX, HEIGHT_PX, WIDTH_PX, HEIGHT_PX,
                TrendChartRenderer.xml(tooltip), TrendChartRenderer.xml(tooltip)));
        double min = points.stream().mapToDouble(TrendPoint::score).min().orElse(0);
        double max = points.stream().mapToDouble(TrendPoint::score).max().orElse(0);
        for (Shift shift : series.shifts()) {
            double x = (x(shift.index() - 1, points.size()) + x(shift.index(), points.size())) / 2;
            svg.append(String.format(Locale.ROOT,
                    "<line class='%s' x1='%s' y1='0' x2='%s' y2='%d' stroke-dasharray='3 2'/>",
                    shift.worse() ? "worse" : "better", number(x), number(x), HEIGHT_PX));
        }
        if (!points.isEmpty()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                line.append(i == 0 ? "" : " ").append(number(x(i, points.size()))).append(',')
                        .append(number(y(points.get(i).score(), min, max)));
            }
            svg.append("<polyline fill='none' points='").append(line).append("'/>");
            svg.append(String.format(Locale.ROOT, "<circle cx='%s' cy='%s' r='2.5'/>",
                    number(x(points.size() - 1, points.size())), number(y(points.getLast().score(), min, max))));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int count) {
        return count < 2 ? WIDTH_PX / 2.0 : PAD_PX + index * (WIDTH_PX - 2 * PAD_PX) / (count - 1);
    }

    /** Higher scores higher up; a flat history is drawn across the middle. */
    private static double y(double score, double min, double max) {
        return max > min ? HEIGHT_PX - PAD_PX - (score - min) / (max - min) * (HEIGHT_PX - 2 * PAD_PX)
                : HEIGHT_PX / 2.0;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
