package io.execbench.harness.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Where tick labels fall along their axis, measured as JFreeChart draws them (the label's anchor at its tick, the
 * tick label font's metrics), for two checks JFreeChart does not make: that neighbouring labels stand apart, and that
 * the labels at an axis's ends stay inside the chart. JFreeChart centres a label on its tick and reserves room only
 * across an axis, so a label at the end of an axis reaches past the data area by half its width; the plot's inset
 * (8 px at the sides) is less than half of {@code 10000000}.
 */
final class TickLabels {

    /** The least room between two neighbouring labels, as a share of the tick font's size. */
    private static final double GAP_EMS = 0.5;
    /** How close to the chart's edge a label may come. */
    private static final double EDGE_PX = 1;

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

    /**
     * How far the tick labels of {@code plot}, drawn with {@code dataArea}, reach past {@code chartArea} on each side;
     * zero insets when every label is inside.
     */
    static RectangleInsets overhang(Plot plot, Graphics2D g2, Rectangle2D dataArea, Rectangle2D chartArea) {
        double top = 0;
        double left = 0;
        double bottom = 0;
        double right = 0;
        for (Edged axis : valueAxes(plot)) {
            if (!axis.axis().isVisible() || !axis.axis().isTickLabelsVisible()) {
                continue;
            }
            List<?> ticks = axis.axis().refreshTicks(g2, new AxisState(), dataArea, axis.edge());
            for (Span span : spans(axis.axis(), ticks, g2, dataArea, axis.edge())) {
                if (RectangleEdge.isTopOrBottom(axis.edge())) {
                    left = Math.max(left, chartArea.getMinX() + EDGE_PX - span.from());
                    right = Math.max(right, span.to() - (chartArea.getMaxX() - EDGE_PX));
                } else {
                    top = Math.max(top, chartArea.getMinY() + EDGE_PX - span.from());
                    bottom = Math.max(bottom, span.to() - (chartArea.getMaxY() - EDGE_PX));
                }
            }
        }
        return new RectangleInsets(Math.ceil(top), Math.ceil(left), Math.ceil(bottom), Math.ceil(right));
    }

    static boolean none(RectangleInsets insets) {
        return insets.getTop() <= 0 && insets.getLeft() <= 0 && insets.getBottom() <= 0 && insets.getRight() <= 0;
    }

    /**
     * Moves the data area of {@code plot} in from its edges by {@code more}, so that its end labels come inside. The
     * plot's axis offset, not its insets: the room taken from the data area only, not from the plot area that the
     * category labels of a bar chart are sized from.
     */
    static void makeRoom(Plot plot, RectangleInsets more) {
        if (plot instanceof XYPlot xy) {
            xy.setAxisOffset(plus(xy.getAxisOffset(), more));
        } else if (plot instanceof CategoryPlot category) {
            category.setAxisOffset(plus(category.getAxisOffset(), more));
        }
    }

    private static RectangleInsets plus(RectangleInsets a, RectangleInsets b) {
        return new RectangleInsets(a.getTop() + b.getTop(), a.getLeft() + b.getLeft(), a.getBottom() + b.getBottom(),
                a.getRight() + b.getRight());
    }

    private record Edged(ValueAxis axis, RectangleEdge edge) {
    }

    private static List<Edged> valueAxes(Plot plot) {
        List<Edged> axes = new ArrayList<>();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                if (xy.getDomainAxis(i) != null) {
                    axes.add(new Edged(xy.getDomainAxis(i), xy.getDomainAxisEdge(i)));
                }
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                if (xy.getRangeAxis(i) != null) {
                    axes.add(new Edged(xy.getRangeAxis(i), xy.getRangeAxisEdge(i)));
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                if (category.getRangeAxis(i) != null) {
                    axes.add(new Edged(category.getRangeAxis(i), category.getRangeAxisEdge(i)));
                }
            }
        }
        return axes;
    }
}
