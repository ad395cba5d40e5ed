package io.execbench.harness.compare;

import java.util.Locale;

/**
 * The smallest relative change counted for one metric, and what set it: the minimum effect, the benchmark's
 * calibrated noise floor, the spread between the forks of either run (each run's forks are a small A/A
 * experiment of their own: a difference between runs no larger than the difference between one run's forks is not
 * evidence of a change), or the machine's own change between the runs ({@link MachineDrift}).
 *
 * @param value the threshold, a fraction (0.03 = 3%)
 * @param why   empty when the minimum effect set it, else {@code " (noise floor)"} and the like, for messages
 */
record Threshold(double value, String why) {

    static Threshold of(double minEffect, double noiseFloor, double baselineForkSpread, double currentForkSpread) {
        Threshold threshold = new Threshold(minEffect, "");
        threshold = threshold.raise(noiseFloor, "the calibrated noise floor");
        threshold = threshold.raise(baselineForkSpread, "the spread between the baseline's forks");
        return threshold.raise(currentForkSpread, "the spread between this run's forks");
    }

    /** This threshold, raised to the machine's own change between the runs ({@link MachineDrift#magnitude()}). */
    Threshold withMachineDrift(double machineDrift) {
        return raise(machineDrift, "the machine's own change between the runs, from its canary");
    }

    private Threshold raise(double candidate, String reason) {
        return candidate > value
                ? new Threshold(candidate, String.format(Locale.ROOT, " (set by %s)", reason))
                : this;
    }
}
