package io.execbench.harness.compare;

/** What the comparison says about one benchmark (or one metric of it) against the baseline. */
public enum Verdict {
    /** Worse by more than the threshold, and the test says it is not chance. */
    REGRESSED("regressed"),
    /** Better by more than the threshold, and the test says it is not chance. */
    IMPROVED("improved"),
    /** Any change is within the threshold. */
    UNCHANGED("unchanged"),
    /** The spread is too large (or the samples too few) to tell a change of the threshold's size from noise. */
    NOISY("noisy"),
    /** The two cannot be compared: no baseline, another machine or profile, another unit, new benchmark. */
    NOT_COMPARABLE("not comparable"),
    /** In the baseline, but this run has no result for it (it failed, or was not run). */
    MISSING("missing");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** As verdict.json, the JUnit XML and the summary spell it. */
    public String label() {
        return label;
    }

    /** Parses {@link #label()}. */
    public static Verdict parse(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label.equals(label)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + label);
    }
}
