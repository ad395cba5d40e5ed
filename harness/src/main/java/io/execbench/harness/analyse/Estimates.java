package io.execbench.harness.analyse;

import io.execbench.harness.stats.Estimate;

/** Comparisons of estimates that decide the words "within noise". */
final class Estimates {

    private Estimates() {
    }

    /** True when the intervals overlap, or either has none: the data do not show a difference. */
    static boolean overlap(Estimate a, Estimate b) {
        if (!a.hasInterval() || !b.hasInterval()) {
            return true;
        }
        return a.low() <= b.high() && b.low() <= a.high();
    }

    /** True when {@code a}'s interval lies wholly above {@code b}'s. */
    static boolean above(Estimate a, Estimate b) {
        return a.hasInterval() && b.hasInterval() && a.low() > b.high();
    }
}
