package io.execbench.harness.chart;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * Axis titles that fit beside their axis. JFreeChart centres a title on the data area and draws it whole, so a title
 * longer than a small chart's data area (a card's y axis, under a legend of three rows) ran past the chart's edge and
 * was cut: "speedup over one thre". A title that does not fit is set in a smaller font, down to
 * {@link #MIN_SIZE_PX}, and only then shortened with an ellipsis.
 */
final class AxisTitles {

    static final float MIN_SIZE_PX = 10;
    private static final String ELLIPSIS = "\u2026";

    private AxisTitles() {
    }

    /**
     * Fits every axis title of {@code plot} to {@code dataArea} as drawn on {@code g2}.
     *
     * @return whether a title changed (the chart must be drawn again)
     */
    static boolean fit(Plot plot, Graphics2D g2, Rectangle2D dataArea) {
        boolean changed = false;
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                changed |= fit(xy.getDomainAxis(i), g2, dataArea.getWidth());
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                changed |= fit(xy.getRangeAxis(i), g2, dataArea.getHeight());
            }
        } else if (plot instanceof CategoryPlot category) {
            boolean vertical = category.getOrientation().isVertical();
            for (int i = 0; i < category.getDomainAxisCount(); i++) {
                changed |= fit(category.getDomainAxis(i), g2, vertical ? dataArea.getWidth() : dataArea.getHeight());
            }
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                changed |= fit(category.getRangeAxis(i), g2, vertical ? dataArea.getHeight() : dataArea.getWidth());
            }
        }
        return changed;
    }

    /** Fits one axis's title to {@code room} pixels; whether it changed. */
    static boolean fit(Axis axis, Graphics2D g2, double room) {
        if (axis == null || !axis.isVisible() || axis.getLabel() == null || axis.getLabel().isEmpty() || room <= 0) {
            return false;
        }
        String label = axis.getLabel();
        Font font = axis.getLabelFont();
        if (width(g2, font, label) <= room) {
            return false;
        }
        Font smaller = font;
        while (smaller.getSize2D() > MIN_SIZE_PX && width(g2, smaller, label) > room) {
            smaller = smaller.deriveFont(Math.max(MIN_SIZE_PX, smaller.getSize2D() - 1));
        }
        axis.setLabelFont(smaller);
        if (width(g2, smaller, label) > room) {
            axis.setLabel(shortened(g2, smaller, label, room));
        }
        return true;
    }

    /** The longest start of {@code label} that fits {@code room} with an ellipsis after it. */
    private static String shortened(Graphics2D g2, Font font, String label, double room) {
        for (int end = label.length() - 1; end > 0; end--) {
            String candidate = label.substring(0, end).stripTrailing() + ELLIPSIS;
            if (width(g2, font, candidate) <= room) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    private static double width(Graphics2D g2, Font font, String text) {
        FontMetrics metrics = g2.getFontMetrics(font);
        return metrics.getStringBounds(text, g2).getWidth();
    }
}
