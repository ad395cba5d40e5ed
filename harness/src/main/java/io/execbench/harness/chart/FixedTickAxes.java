package io.execbench.harness.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * Axes whose ticks are chosen here rather than by JFreeChart: a log axis labelled with plain numbers at 1, 2 and 5
 * times powers of ten (JFreeChart's own writes {@code 10^3} and may leave a decade unlabelled), as many as fit
 * without their labels running into each other; the "nines" axis of percentile plots, labelled 50%, 90%, 99%,
 * 99.9%, ...; and a share axis, 0% to 100%, labelled 0%, 1%, 10%, 100%.
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

    static NumberAxis share(String label) {
        return new ShareAxis(label);
    }

    private static NumberTick tick(double value, String text, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? TextAnchor.TOP_CENTER : TextAnchor.CENTER_RIGHT;
        return new NumberTick(TickType.MAJOR, value, text, anchor, anchor, 0);
    }

    /**
     * Log scale labelled in plain numbers: every digit (1 to 9 times a power of ten) when the range spans at most one
     * decade (so that a range such as 25 to 90 gets more than its one label, 50), 1, 2 and 5 per decade up to two
     * decades, 1 and 3 up to four, 1 beyond; then, where those labels would run into each other (long numbers on a
     * small chart), fewer: 1, 2 and 5, 1 and 3, 1, then one decade in 2, 3, ... (at exponents that are multiples of
     * the step, so 100, 10000, 1000000).
     */
    private static final class PlainLogAxis extends LogAxis {
        @Serial
        private static final long serialVersionUID = 1L;

        private static final double[][] STEPS = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1, 3}, {1}};

        PlainLogAxis(String label) {
            super(label);
            setSmallestValue(1e-12);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            double decades = Math.log10(getUpperBound() / getLowerBound());
            int density = decades <= 1 ? 0 : decades <= 2 ? 1 : decades <= 4 ? 2 : 3;
            while (true) {
                List<NumberTick> ticks = ticks(density, edge);
                if (ticks.size() <= 1 || TickLabels.standApart(this, ticks, g2, dataArea, edge)) {
                    return ticks;
                }
                density++;
            }
        }

        /** Density 0 to 3: {@link #STEPS} in every decade; 4 and on: 1 in every {@code density - 2}th decade. */
        private List<NumberTick> ticks(int density, RectangleEdge edge) {
            double low = getLowerBound();
            double high = getUpperBound();
            double[] steps = STEPS[Math.min(density, STEPS.length - 1)];
            int everyDecades = Math.max(1, density - 2);
            List<NumberTick> ticks = new ArrayList<>();
            for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high));
                    exponent++) {
                if (Math.floorMod(exponent, everyDecades) != 0) {
                    continue;
                }
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

    /**
     * A percentage of a whole, 0 to 100, such as the share of heavy requests: 0% has a place and 1% and 10% stand
     * apart. Drawn on JFreeChart's adjusted log10 ({@code log10(1 + 0.9x)} below 10, {@code log10(x)} above, so 0
     * maps to 0); ranged from 0% to the largest value (at least 1%) with the margins taken on that scale, so no point
     * sits on the plot's edge; ticks at 0% and at each power of ten.
     */
    private static final class ShareAxis extends LogarithmicAxis {
        @Serial
        private static final long serialVersionUID = 1L;

        ShareAxis(String label) {
            super(label);
            setAllowNegativesFlag(true); // selects the adjusted log10 that has a place for 0
        }

        @Override
        public void autoAdjustRange() {
            if (!(getPlot() instanceof ValueAxisPlot plot)) {
                return;
            }
            Range data = plot.getDataRange(this);
            double top = adjustedLog10(Math.max(1, data == null ? 1 : data.getUpperBound()));
            setRange(new Range(adjustedPow10(-getLowerMargin() * top), adjustedPow10(top * (1 + getUpperMargin()))),
                    false, false);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            ticks.add(tick(0, "0%", edge));
            for (double value = 1; value <= getUpperBound() && value <= 100; value *= 10) {
                ticks.add(tick(value, TickLabelFormat.text(value) + "%", edge));
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
