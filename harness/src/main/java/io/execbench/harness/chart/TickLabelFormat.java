package io.execbench.harness.chart;

import java.io.Serial;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Axis tick labels that do not depend on the JVM's default locale (JFreeChart's own formats do: a German machine
 * would print {@code 1.000,5}) and that stay short: six significant digits, trailing zeros dropped, scientific
 * notation only for very large or very small magnitudes.
 */
final class TickLabelFormat extends NumberFormat {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final MathContext SIX_DIGITS = new MathContext(6);

    @Override
    public StringBuffer format(double number, StringBuffer out, FieldPosition position) {
        return out.append(text(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer out, FieldPosition position) {
        return out.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("tick labels are only formatted");
    }

    static String text(double number) {
        if (!Double.isFinite(number)) {
            return Double.toString(number);
        }
        if (number == 0) {
            return "0"; // also for -0.0, which ticks produce by rounding
        }
        BigDecimal rounded = new BigDecimal(number).round(SIX_DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(number);
        if (magnitude >= 1e9 || magnitude < 1e-6) {
            return rounded.toString().replace("E+", "e").replace("E", "e");
        }
        return rounded.toPlainString();
    }
}
