package io.execbench.harness.read;

import java.util.Locale;

/** How a run ended, as {@code run.json} records it (the {@code status} field of the results contract). */
public enum RunStatus {
    /** Finished, and every planned benchmark produced a result. */
    COMPLETE,
    /** Finished, but at least one benchmark failed; the others' results are in jmh.json. */
    FAILED,
    /** Did not finish: killed, interrupted, or still running. */
    PARTIAL,
    /** No run.json: a plain jmh.json from another project, which records nothing about how the run ended. */
    UNKNOWN;

    /** The spelling used in run.json and shown in reports: {@code complete}, {@code failed}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a run.json status; {@code unknown} is not accepted there because only the harness synthesizes it. */
    static RunStatus parse(String text) {
        return switch (text) {
            case "complete" -> COMPLETE;
            case "failed" -> FAILED;
            case "partial" -> PARTIAL;
            default -> throw new IllegalArgumentException(
                    "status '" + text + "' is not one of complete, failed, partial");
        };
    }
}
