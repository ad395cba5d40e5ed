package io.execbench.harness.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the report writes numbers, times and durations: always in {@link Locale#ROOT}, so a report reads the same on
 * every machine and golden files stay stable.
 */
public final class Numbers {

    /** What a missing number or NaN reads as. */
    public static final String NOT_AVAILABLE = "n/a";

    private static final int SIGNIFICANT_DIGITS = 4;
    private static final MathContext DIGITS = new MathContext(SIGNIFICANT_DIGITS);
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private Numbers() {
    }

    /**
     * A score, error or bound with {@value #SIGNIFICANT_DIGITS} significant digits ({@code 0.7290}, {@code 1.056},
     * {@code 185.5}), whole numbers from 1000 up ({@code 214742}: rounding those would hide digits JMH printed),
     * scientific notation beyond 1e9 or below 1e-4 ({@code 1.235e-06}); {@value #NOT_AVAILABLE} for NaN.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e9 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", value);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS);
        int integerDigits = rounded.precision() - rounded.scale();
        // Pad to the full digit count (1.5 -> 1.500): trailing zeros say how precise the number is.
        return rounded.setScale(Math.max(0, SIGNIFICANT_DIGITS - integerDigits)).toPlainString();
    }

    /**
     * An estimate as {@code value [low, high]}, each divided by {@code divisor} and followed by {@code unit}; the
     * value alone when there is no interval. The one way the harness writes an interval.
     */
    public static String estimate(Estimate e, double divisor, String unit) {
        String value = format(e.value() / divisor) + unit;
        return e.hasInterval()
                ? value + " [" + format(e.low() / divisor) + unit + ", " + format(e.high() / divisor) + unit + "]"
                : value;
    }

    /** A count with no rounding. */
    public static String count(long value) {
        return Long.toString(value);
    }

    /** A CPU or thread count that may be fractional (a cgroup quota of 1.5): {@code 2}, {@code 1.500}, {@code 31.62}. */
    public static String cpus(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? count((long) value) : format(value);
    }

    /** An instant in UTC to the second, e.g. {@code 2026-11-26T13:25:16Z}; {@value #NOT_AVAILABLE} when null. */
    public static String instant(Instant instant) {
        return instant == null ? NOT_AVAILABLE : UTC_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A run length: {@code 5.9 s}, {@code 12 min 03 s} or {@code 2 h 05 min}; {@value #NOT_AVAILABLE} if unknown. */
    public static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return NOT_AVAILABLE;
        }
        Duration length = Duration.between(start, end);
        if (length.isNegative()) {
            return NOT_AVAILABLE;
        }
        if (length.toMinutes() == 0) {
            return String.format(Locale.ROOT, "%.1f s", length.toMillis() / 1000.0);
        }
        if (length.toHours() == 0) {
            return String.format(Locale.ROOT, "%d min %02d s", length.toMinutes(), length.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%d h %02d min", length.toHours(), length.toMinutesPart());
    }
}
