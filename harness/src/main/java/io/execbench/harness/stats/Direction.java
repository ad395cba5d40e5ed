package io.execbench.harness.stats;

import java.util.Locale;

/**
 * Which way is better for a score. Decided by the unit first ({@code ops/ms} is a throughput whatever the mode
 * says, {@code ns/op} a time), then by JMH's mode for units this harness does not know.
 */
public enum Direction {
    /** Throughput-like: {@code ops/s}, {@code ops/ms}, ... */
    HIGHER_IS_BETTER,
    /** Time-like: {@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}, ... */
    LOWER_IS_BETTER;

    /** The direction of a score with {@code unit}, measured in JMH mode {@code mode}. */
    public static Direction of(String mode, String unit) {
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/")) {
            return HIGHER_IS_BETTER;
        }
        if (u.endsWith("/op")) {
            return LOWER_IS_BETTER;
        }
        return "thrpt".equals(mode) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /** {@code higher} or {@code lower}: what verdict.json and the exports write. */
    public String label() {
        return this == HIGHER_IS_BETTER ? "higher" : "lower";
    }

    /**
     * How much worse {@code ratio} (current / baseline score) is, as a factor above 1 for worse: a time ratio as
     * it is, a throughput ratio inverted, so that 1.10 always means "10% worse".
     */
    public double worseness(double ratio) {
        return this == LOWER_IS_BETTER ? ratio : 1 / ratio;
    }
}
