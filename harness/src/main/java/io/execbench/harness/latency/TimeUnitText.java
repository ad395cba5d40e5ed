package io.execbench.harness.latency;

import java.util.OptionalDouble;

/**
 * Reads the time unit out of a JMH score unit ({@code us/op}, {@code ns/op}, {@code ms/op}, {@code s/op}; JMH
 * writes the microsecond sign as {@code us}). A throughput unit ({@code ops/ms}) has no time numerator and reads as
 * empty.
 */
public final class TimeUnitText {

    private TimeUnitText() {
    }

    /** Nanoseconds in one of the numerator's unit ({@code us/op} gives 1000), or empty when it is not a time. */
    public static OptionalDouble nanosPer(String scoreUnit) {
        int slash = scoreUnit.indexOf('/');
        String numerator = (slash < 0 ? scoreUnit : scoreUnit.substring(0, slash)).strip();
        return switch (numerator) {
            case "ns" -> OptionalDouble.of(1);
            case "us", "µs", "μs" -> OptionalDouble.of(1e3);
            case "ms" -> OptionalDouble.of(1e6);
            case "s" -> OptionalDouble.of(1e9);
            case "min" -> OptionalDouble.of(60e9);
            default -> OptionalDouble.empty();
        };
    }

    /** Seconds per the denominator's unit of a throughput ({@code ops/ms} gives 0.001), or empty when not a rate. */
    public static OptionalDouble secondsPerDenominator(String scoreUnit) {
        int slash = scoreUnit.indexOf('/');
        if (slash < 0) {
            return OptionalDouble.empty();
        }
        OptionalDouble nanos = nanosPer(scoreUnit.substring(slash + 1));
        return nanos.isPresent() ? OptionalDouble.of(nanos.getAsDouble() / 1e9) : OptionalDouble.empty();
    }
}
