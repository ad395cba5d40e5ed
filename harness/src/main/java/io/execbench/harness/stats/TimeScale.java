package io.execbench.harness.stats;

/**
 * A unit to show nanosecond values in, chosen so that typical values read as 1 to 999: {@code ns}, {@code us},
 * {@code ms} or {@code s}.
 *
 * @param symbol       e.g. {@code us}
 * @param nanosPerUnit e.g. 1000
 */
public record TimeScale(String symbol, double nanosPerUnit) {

    /** The unit for values around {@code typicalNs}. */
    public static TimeScale forTypical(double typicalNs) {
        if (!(typicalNs >= 1e3)) {
            return new TimeScale("ns", 1);
        }
        if (typicalNs < 1e6) {
            return new TimeScale("us", 1e3);
        }
        return typicalNs < 1e9 ? new TimeScale("ms", 1e6) : new TimeScale("s", 1e9);
    }

    public double of(double nanos) {
        return nanos / nanosPerUnit;
    }
}
