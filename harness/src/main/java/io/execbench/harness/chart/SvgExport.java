package io.execbench.harness.chart;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart into one self-contained {@code <svg>} element: deterministic (ids derive from the chart id,
 * coordinates rounded to two decimals in {@link Locale#ROOT}), with every string escaped by JFreeSVG, no URL
 * other than the SVG namespace, and every tick label inside the element (see {@link TickLabels}).
 */
final class SvgExport {

    /** Draws of one chart at most while making room for its tick labels. */
    private static final int MAX_DRAWS = 4;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /**
     * JFreeSVG always declares the XLink namespace and its own, for image links and {@code jfreesvg:ref} attributes
     * these renderers never ask for. A namespace name is not a fetch, but the report promises no URL other than the
     * SVG namespace, so unused declarations are dropped.
     */
    private static final Map<String, String> OPTIONAL_NAMESPACES = Map.of(
            "xlink", "http://www.w3.org/1999/xlink",
            "jfreesvg", "http://www.jfree.org/jfreesvg/svg");

    private SvgExport() {
    }

    /** Checks that {@code chartId} can be used as an XML id and as a prefix of the ids inside the chart. */
    static void requireSafeId(String chartId) {
        if (!SAFE_ID.matcher(chartId).matches()) {
            throw new IllegalArgumentException("chart id must be a plain XML name: " + chartId);
        }
    }

    /**
     * {@code chart} drawn at {@code widthPx} x {@code heightPx} as an {@code <svg>} element with id {@code chartId}.
     * Where a tick label at an axis's end would reach past the element's edge, the data area is moved in by that much,
     * and where an axis title is longer than its axis, the title is fitted ({@link AxisTitles}); then the chart is drawn
     * again (a narrower data area may move the ticks, hence a few tries).
     */
    static String svg(JFreeChart chart, String chartId, int widthPx, int heightPx) {
        requireSafeId(chartId);
        Rectangle area = new Rectangle(0, 0, widthPx, heightPx);
        SVGGraphics2D svg;
        for (int drawn = 1; ; drawn++) {
            svg = new SVGGraphics2D(widthPx, heightPx);
            svg.setDefsKeyPrefix(chartId + "-");
            svg.setGeomDoubleConverter(SvgExport::twoDecimals);
            svg.setTransformDoubleConverter(SvgExport::twoDecimals);
            ChartRenderingInfo info = new ChartRenderingInfo(null); // the data area only: no entities, no tooltips
            chart.draw(svg, area, info);
            if (drawn == MAX_DRAWS) {
                break;
            }
            Rectangle2D dataArea = info.getPlotInfo().getDataArea();
            RectangleInsets overhang = TickLabels.overhang(chart.getPlot(), svg, dataArea, area);
            boolean titlesChanged = AxisTitles.fit(chart.getPlot(), svg, dataArea);
            if (TickLabels.none(overhang) && !titlesChanged) {
                break;
            }
            TickLabels.makeRoom(chart.getPlot(), overhang);
        }
        String element = svg.getSVGElement(chartId, true, new ViewBox(0, 0, widthPx, heightPx), null, null);
        return withoutUnusedNamespaces(element);
    }

    private static String withoutUnusedNamespaces(String element) {
        String svg = element;
        for (Map.Entry<String, String> namespace : OPTIONAL_NAMESPACES.entrySet()) {
            String declaration = " xmlns:" + namespace.getKey() + "='" + namespace.getValue() + "'";
            String withoutDeclaration = svg.replace(declaration, "");
            if (!withoutDeclaration.contains(namespace.getKey() + ":")) {
                svg = withoutDeclaration;
            }
        }
        return svg;
    }

    /** Two decimals are finer than a pixel and keep the SVG small; Locale.ROOT keeps the decimal point a dot. */
    static String twoDecimals(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        return text.equals("-0") ? "0" : text;
    }
}
