package io.execbench.harness.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Axes whose ticks are chosen here rather than by JFreeChart: a log axis labelled with plain numbers at 1, 2 and 5
 * times powers of ten (JFreeChart's own writes {@code 10^3} and may leave a decade unlabelled), and the "nines" axis
 * of percentile plots, labelled 50%, 90%, 99%, 99.9%, ...
 */
final class FixedTickAxes {

    private FixedTickAxes() {
    }

    static LogAxis log(String label) {
        return new PlainLogAxis(label);
    }

    static NumberAxis nines(String label) {
        return new NinesAxis(label);
    }

    private static NumberTick tick(double value, String text, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? TextAnchor.TOP_CENTER : TextAnchor.CENTER_RIGHT;
        return new NumberTick(TickType.MAJOR, value, text, anchor, anchor, 0);
    }

    /** Log scale labelled in plain numbers; more ticks per decade when the range spans few decades. */
    private static final class PlainLogAxis extends LogAxis {
        @Serial
        private static final long serialVersionUID = 1L;

        PlainLogAxis(String label) {
            super(label);
            setSmallestValue(1e-12);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            double low = getLowerBound();
            double high = getUpperBound();
            double decades = Math.log10(high / low);
            double[] steps = decades <= 2 ? new double[] {1, 2, 5} : decades <= 4 ? new double[] {1, 3}
                    : new double[] {1};
            List<NumberTick> ticks = new ArrayList<>();
            for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high));
                    exponent += decades > 8 ? 2 : 1) {
                for (double step : steps) {
                    double value = step * Math.pow(10, exponent);
                    if (value >= low && value <= high) {
                        ticks.add(tick(value, TickLabelFormat.text(value), edge));
                    }
                }
            }
            return ticks;
        }
    }

    /** {@code x = log10(1/(1-p))}: ticks at 0%, 50%, 90%, 99%, ... up to the axis's end. */
    private static final class NinesAxis extends NumberAxis {
        @Serial
        private static final long serialVersionUID = 1L;

        NinesAxis(String label) {
            super(label);
            setAutoRangeIncludesZero(true);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            ticks.add(tick(0, "0%", edge));
            ticks.add(tick(Math.log10(2), "50%", edge));
            for (int n = 1; n <= getUpperBound() + 1e-9 && n <= 9; n++) {
                ticks.add(tick(n, n == 1 ? "90%" : n == 2 ? "99%" : "99." + "9".repeat(n - 2) + "%", edge));
            }
            return ticks;
        }
    }
}
