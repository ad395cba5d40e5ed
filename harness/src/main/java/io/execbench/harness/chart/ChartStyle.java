package io.execbench.harness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/** The look every report chart shares: fonts large enough to read at the size shown, one palette, white ground. */
final class ChartStyle {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x77, 0x77, 0x77);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Stroke LINE = new BasicStroke(2f);
    static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    /** Reference lines measured outside the chart's own benchmarks (the C floor). */
    static final Stroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {0.5f, 4f}, 0f);

    /** Ten colours that stay apart for readers with the common colour-vision deficiencies (Tableau 10). */
    private static final Color[] PALETTE = {
        new Color(0x4E, 0x79, 0xA7), new Color(0xF2, 0x8E, 0x2B), new Color(0xE1, 0x57, 0x59),
        new Color(0x76, 0xB7, 0xB2), new Color(0x59, 0xA1, 0x4F), new Color(0xED, 0xC9, 0x48),
        new Color(0xB0, 0x7A, 0xA1), new Color(0xFF, 0x9D, 0xA7), new Color(0x9C, 0x75, 0x5F),
        new Color(0xBA, 0xB0, 0xAC)};

    private ChartStyle() {
    }

    /** The palette colour for series {@code index}, repeating after ten. */
    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    static void axis(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(INK);
    }

    /** Title, a subtitle saying how to read the chart, and the legend under the plot. */
    static void frame(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(INK);
        }
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle text = new TextTitle(subtitle, SUBTITLE_FONT);
            text.setPaint(INK);
            chart.addSubtitle(text);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK_FONT);
            legend.setItemPaint(INK);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
    }
}
