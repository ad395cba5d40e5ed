package io.execbench.harness.analyse;

/**
 * One concurrency claim answered from a run's data.
 *
 * @param claim    the claim as engineers learn it
 * @param measured what this run measured that bears on it, with numbers and intervals
 * @param verdict  {@link #SUPPORTED}, {@link #NOT_SUPPORTED}, {@link #WITHIN_NOISE} or {@link #UNTESTED}
 */
public record Claim(String claim, String measured, String verdict) {

    public static final String SUPPORTED = "supported";
    public static final String NOT_SUPPORTED = "not supported";
    public static final String WITHIN_NOISE = "within noise: no verdict";
    public static final String UNTESTED = "cannot be tested by this run";
}
