package io.execbench.harness.compare;

/**
 * A change point in a benchmark's history, with what changed.
 *
 * @param index     position of the first point of the new regime
 * @param runId     the run that starts the new regime
 * @param before    median score of the segment before (back to the previous change point)
 * @param after     median score of the segment after (up to the next change point)
 * @param worse     whether the new regime is worse, given the benchmark's direction
 * @param pValue    the permutation test's p-value
 */
public record Shift(int index, String runId, double before, double after, boolean worse, double pValue) {

    /** {@code after / before}. */
    public double ratio() {
        return after / before;
    }
}
