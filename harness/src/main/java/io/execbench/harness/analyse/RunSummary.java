package io.execbench.harness.analyse;

import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunStatus;

/**
 * The one-line verdict on a run: how many benchmarks produced a result, how many failed, and how it ended.
 *
 * @param benchmarkCount results in jmh.json
 * @param failureCount   failures recorded in run.json
 * @param status         how the run ended
 */
public record RunSummary(int benchmarkCount, int failureCount, RunStatus status) {

    /** Summarises {@code run}. */
    public static RunSummary of(Run run) {
        return new RunSummary(run.results().size(), run.info().failures().size(), run.info().status());
    }

    /** True when someone must look: the run failed, did not finish, or any benchmark failed. */
    public boolean needsAttention() {
        return failureCount > 0 || status == RunStatus.FAILED || status == RunStatus.PARTIAL;
    }

    /** E.g. {@code 8 benchmarks, 1 failed, status failed}. */
    public String line() {
        return benchmarkCount + (benchmarkCount == 1 ? " benchmark, " : " benchmarks, ")
                + failureCount + " failed, status " + status.label();
    }
}
