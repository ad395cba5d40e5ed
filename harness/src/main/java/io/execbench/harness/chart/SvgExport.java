package io.execbench.harness.chart;

import java.awt.Rectangle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart into one self-contained {@code <svg>} element: deterministic (ids derive from the chart id,
 * coordinates rounded to two decimals in {@link Locale#ROOT}), with every string escaped by JFreeSVG, and no URL
 * other than the SVG namespace.
 */
final class SvgExport {

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

    /** {@code chart} drawn at {@code widthPx} x {@code heightPx} as an {@code <svg>} element with id {@code chartId}. */
    static String svg(JFreeChart chart, String chartId, int widthPx, int heightPx) {
        requireSafeId(chartId);
        SVGGraphics2D svg = new SVGGraphics2D(widthPx, heightPx);
        svg.setDefsKeyPrefix(chartId + "-");
        svg.setGeomDoubleConverter(SvgExport::twoDecimals);
        svg.setTransformDoubleConverter(SvgExport::twoDecimals);
        chart.draw(svg, new Rectangle(0, 0, widthPx, heightPx));
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
