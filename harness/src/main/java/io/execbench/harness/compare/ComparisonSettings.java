package io.execbench.harness.compare;

/**
 * How strict the comparison is. The defaults suit nightly tracking: a change must be at least
 * {@value #DEFAULT_MIN_EFFECT} (3%) and beyond the benchmark's learnt noise floor, and the rank test must put
 * chance below {@value #DEFAULT_ALPHA}.
 *
 * @param alpha               significance level of the Mann-Whitney U test (two-sided)
 * @param minEffect           the smallest relative change ever reported (0.03 = 3%), whatever the noise floor
 * @param confidence          coverage of the bootstrap intervals (0.99 = 99%)
 * @param resamples           bootstrap resamples for a ratio of medians
 * @param percentileResamples bootstrap resamples for a ratio of latency percentiles (each costs more)
 * @param seed                the bootstrap's seed, fixed so that the same runs always give the same verdicts
 */
public record ComparisonSettings(double alpha, double minEffect, double confidence, int resamples,
                                 int percentileResamples, long seed) {

    public static final double DEFAULT_ALPHA = 0.01;
    public static final double DEFAULT_MIN_EFFECT = 0.03;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final long DEFAULT_SEED = 20261126L;

    /** The defaults described above, 2000 and 1000 resamples. */
    public static final ComparisonSettings DEFAULTS = new ComparisonSettings(DEFAULT_ALPHA, DEFAULT_MIN_EFFECT,
            DEFAULT_CONFIDENCE, 2000, 1000, DEFAULT_SEED);

    public ComparisonSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, not " + alpha);
        }
        if (!(minEffect >= 0 && minEffect < 10)) {
            throw new IllegalArgumentException("the minimum effect must be a fraction such as 0.03, not " + minEffect);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 1, not " + confidence);
        }
        if (resamples < 100 || percentileResamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed");
        }
    }

    /** The same settings with another alpha and minimum effect. */
    public ComparisonSettings with(double newAlpha, double newMinEffect) {
        return new ComparisonSettings(newAlpha, newMinEffect, confidence, resamples, percentileResamples, seed);
    }
}
