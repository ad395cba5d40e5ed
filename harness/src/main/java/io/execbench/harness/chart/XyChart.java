package io.execbench.harness.chart;

import java.util.List;

/**
 * What {@link XyChartRenderer} draws: lines and points with optional vertical intervals on linear, logarithmic or
 * "nines" axes, and reference markers. A plain description: the caller decides every value, label and colour.
 *
 * @param title    the chart's title
 * @param subtitle one line saying how to read it (what the whiskers are, what a dashed line is)
 * @param x        the horizontal axis
 * @param y        the vertical axis
 * @param series   drawn in order; each is one legend entry
 * @param markers  straight reference lines across the plot
 */
public record XyChart(String title, String subtitle, Axis x, Axis y, List<Series> series, List<Marker> markers) {

    public XyChart {
        series = List.copyOf(series);
        markers = List.copyOf(markers);
    }

    /** How an axis maps values. */
    public enum Scale {
        LINEAR,
        /** Linear with whole-number ticks, for counts such as threads. */
        COUNT,
        /** Base-10 logarithmic; points at or below zero are left out (the caller's tables still show them). */
        LOG,
        /** Percentiles as {@code log10(1/(1-p))}, labelled 50%, 90%, 99%, 99.9%, ... */
        NINES,
        /**
         * A percentage of a whole (values 0 to 100), labelled 0%, 1%, 10%, 100%: logarithmic above 10% and
         * compressed below, so that 0% has a place and 0%, 1% and 10% stand apart.
         */
        SHARE
    }

    /**
     * An axis label (with its unit) and scale.
     *
     * @param nonNegative the quantity cannot be negative (a time, a rate, a speedup): a linear axis starts at zero,
     *                    and an interval reaching below it is cut at the axis and marked
     */
    public record Axis(String label, Scale scale, boolean nonNegative) {

        public Axis(String label, Scale scale) {
            this(label, scale, false);
        }
    }

    /** How a series is drawn. */
    public enum Style {
        /** A solid line through the points. */
        LINE,
        /** A dashed line: ideal or fitted curves. */
        DASHED,
        /** A dotted line: a reference measured by something else (the C floor). */
        DOTTED,
        /** Markers with their intervals as whiskers, joined by a thin line. */
        POINTS_WITH_INTERVALS
    }

    /**
     * One legend entry.
     *
     * @param colour a palette index, so that a transport's points and its fitted line share a colour
     */
    public record Series(String name, int colour, Style style, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** A point; {@code low} and {@code high} bound its interval, both NaN when it has none. */
    public record Point(double x, double y, double low, double high) {

        public static Point of(double x, double y) {
            return new Point(x, y, Double.NaN, Double.NaN);
        }
    }

    /** A reference line: vertical at x = {@code value}, or horizontal at y = {@code value}. */
    public record Marker(boolean vertical, double value, String label) {
    }
}
