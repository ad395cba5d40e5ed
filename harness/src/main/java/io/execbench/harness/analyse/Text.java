package io.execbench.harness.analyse;

import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.TimeScale;
import java.util.Locale;

/** How findings write an estimate, a time, a percentage: the report's number format plus the interval. */
public final class Text {

    private Text() {
    }

    /** {@code 1.960 [1.801, 2.133]}, or the value alone with "(no interval)". */
    public static String estimate(Estimate e) {
        return estimate(e, 1, "");
    }

    /** The estimate divided by {@code divisor}, with {@code unit} after each number. */
    public static String estimate(Estimate e, double divisor, String unit) {
        String text = Numbers.estimate(e, divisor, unit);
        return e.hasInterval() ? text : text + " (no interval)";
    }

    /** An estimate in nanoseconds, in a unit that suits its size. */
    public static String time(Estimate nanos) {
        TimeScale scale = TimeScale.forTypical(Math.abs(nanos.value()));
        return estimate(nanos, scale.nanosPerUnit(), " " + scale.symbol());
    }

    /** A time in nanoseconds, in a unit that suits it. */
    public static String time(double nanos) {
        TimeScale scale = TimeScale.forTypical(Math.abs(nanos));
        return Numbers.format(scale.of(nanos)) + " " + scale.symbol();
    }

    /** {@code 98.0%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** {@code 2.5 KiB}, {@code 64 B}: payload sizes as people say them. */
    public static String bytes(double bytes) {
        if (bytes < 1024) {
            return Numbers.format(bytes).replaceAll("\\.0+$", "") + " B";
        }
        if (bytes < 1024 * 1024) {
            return Numbers.format(bytes / 1024) + " KiB";
        }
        return Numbers.format(bytes / (1024 * 1024)) + " MiB";
    }

    /** A confidence level as {@code 99.9%}. */
    public static String confidence(Estimate e) {
        return String.format(Locale.ROOT, "%s%%", Numbers.format(e.confidence() * 100).replaceAll("\\.?0+$", ""));
    }
}
