package io.execbench.harness.compare;

import io.execbench.harness.analyse.FloorComparison;
import io.execbench.harness.analyse.MemoryExperiment;
import io.execbench.harness.analyse.ServerTracking;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * What tracking, compare, calibration and the exports follow in a run: JMH's results, then what the harness derives
 * from the run and tracks like a score: the IPC round trips' Java/C ratios ({@link FloorComparison#trackedResults}),
 * the memory per unit of concurrency ({@link MemoryExperiment#trackedResults}) and the server's cheap p99 and
 * sustainable rates ({@link ServerTracking#trackedResults}).
 */
public final class TrackedResults {

    private TrackedResults() {
    }

    public static List<BenchmarkResult> of(Run run) {
        List<BenchmarkResult> derived = new ArrayList<>(FloorComparison.trackedResults(run));
        derived.addAll(MemoryExperiment.of(run.memory()).trackedResults(run.results().size() + derived.size() + 1,
                run.info().jvm()));
        derived.addAll(ServerTracking.trackedResults(run, run.results().size() + derived.size() + 1));
        if (derived.isEmpty()) {
            return run.results();
        }
        List<BenchmarkResult> all = new ArrayList<>(run.results());
        all.addAll(derived);
        return List.copyOf(all);
    }
}
