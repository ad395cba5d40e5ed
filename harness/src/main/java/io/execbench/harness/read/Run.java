package io.execbench.harness.read;

import java.util.List;

/**
 * One run as read from its folder: what ran where ({@link RunInfo}) and what JMH measured.
 *
 * @param folder  where the run was read from, and its id
 * @param info    run.json, or an "unknown environment" synthesized for a folder that holds only jmh.json
 * @param results jmh.json's elements in file order
 */
public record Run(RunFolder folder, RunInfo info, List<BenchmarkResult> results) {

    public Run {
        results = List.copyOf(results);
    }

    /** The run id: the folder name without {@code .partial}. */
    public String id() {
        return folder.id();
    }
}
