package io.execbench.harness.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Where tick labels fall along their axis, measured as JFreeChart draws them (the label's anchor at its tick, the
 * tick label font's metrics), for a check JFreeChart does not make on the axes whose ticks are chosen here: that
 * neighbouring labels stand apart.
 */
final class TickLabels {

    /** The least room between two neighbouring labels, as a share of the tick font's size. */
    private static final double GAP_EMS = 0.5;

    private TickLabels() {
    }

    /** Where one label begins and ends along its axis, in Java2D coordinates. */
    record Span(double from, double to) {
    }

    /** The labels of {@code ticks} along {@code axis}, in the order given. */
    static List<Span> spans(ValueAxis axis, List<?> ticks, Graphics2D g2, Rectangle2D dataArea,
                            RectangleEdge edge) {
        g2.setFont(axis.getTickLabelFont());
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        List<Span> spans = new ArrayList<>();
        for (Object tick : ticks) {
            if (tick instanceof ValueTick value && value.getText() != null && !value.getText().isEmpty()) {
                double at = axis.valueToJava2D(value.getValue(), dataArea, edge);
                // Only the extent along the axis matters; across it the label sits in the space reserved for it.
                Rectangle2D box = TextUtils.calcAlignedStringBounds(value.getText(), g2,
                        (float) (horizontal ? at : 0), (float) (horizontal ? 0 : at), value.getTextAnchor());
                spans.add(horizontal ? new Span(box.getMinX(), box.getMaxX()) : new Span(box.getMinY(), box.getMaxY()));
            }
        }
        return spans;
    }

    /** Whether the labels of {@code ticks} on {@code axis} leave half an em between neighbours. */
    static boolean standApart(ValueAxis axis, List<?> ticks, Graphics2D g2, Rectangle2D dataArea,
                              RectangleEdge edge) {
        List<Span> spans = new ArrayList<>(spans(axis, ticks, g2, dataArea, edge));
        spans.sort((a, b) -> Double.compare(a.from(), b.from()));
        double gap = GAP_EMS * axis.getTickLabelFont().getSize2D();
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).from() - spans.get(i - 1).to() < gap) {
                return false;
            }
        }
        return true;
    }
}
