package io.execbench.harness.stats;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * JMH's score units, read once for the whole harness: times per operation ({@code ns/op} ... {@code s/op}) and
 * operations per time ({@code ops/ns} ... {@code ops/s}). Converts between units of one kind, so that a run written
 * in {@code us/op} compares with one written in {@code ns/op}, and reads the time out of either kind. Units of
 * different kinds never convert. JMH writes the microsecond sign as {@code us}; {@code µs} and {@code μs} read too.
 */
public final class Units {

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "µs", 1e-6, "μs", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0);

    private Units() {
    }

    /**
     * The factor that turns a value in {@code from} into one in {@code to} ({@code us/op -> ns/op} is 1000), or
     * empty when the two are not the same kind of unit or either is unknown. Equal units always give 1.
     */
    public static OptionalDouble factor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1);
        }
        String a = from.strip().toLowerCase(Locale.ROOT);
        String b = to.strip().toLowerCase(Locale.ROOT);
        if (a.endsWith("/op") && b.endsWith("/op")) {
            Double sa = SECONDS.get(a.substring(0, a.length() - 3));
            Double sb = SECONDS.get(b.substring(0, b.length() - 3));
            return sa == null || sb == null ? OptionalDouble.empty() : OptionalDouble.of(sa / sb);
        }
        if (a.startsWith("ops/") && b.startsWith("ops/")) {
            Double sa = SECONDS.get(a.substring(4));
            Double sb = SECONDS.get(b.substring(4));
            return sa == null || sb == null ? OptionalDouble.empty() : OptionalDouble.of(sb / sa);
        }
        return OptionalDouble.empty();
    }

    /** Nanoseconds in one of the numerator's unit ({@code us/op} gives 1000), or empty when it is not a time. */
    public static OptionalDouble nanosPer(String scoreUnit) {
        int slash = scoreUnit.indexOf('/');
        Double seconds = SECONDS.get((slash < 0 ? scoreUnit : scoreUnit.substring(0, slash)).strip());
        return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds * 1e9);
    }

    /** Seconds per the denominator's unit of a throughput ({@code ops/ms} gives 0.001), or empty when not a rate. */
    public static OptionalDouble secondsPerDenominator(String scoreUnit) {
        int slash = scoreUnit.indexOf('/');
        if (slash < 0) {
            return OptionalDouble.empty();
        }
        Double seconds = SECONDS.get(scoreUnit.substring(slash + 1).strip());
        return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
    }
}
