package io.execbench.harness.write;

import java.util.List;

/**
 * Everything {@code index.html.mustache} shows: one row per run in the results folder, newest first.
 *
 * @param resultsDir the folder the runs were found in
 * @param runs       the rows; empty when there is no run yet
 */
public record IndexPage(String resultsDir, List<Entry> runs) {

    public IndexPage {
        runs = List.copyOf(runs);
    }

    /**
     * One run. {@code href} is the relative link to its report, or null when the report does not exist;
     * {@code problem} says why the folder could not be read, or is null.
     */
    public record Entry(String runId, String href, String status, String profile, String commit, String startedAt,
                        String benchmarks, String failures, String problem) {
    }
}
