package io.execbench.harness.analyse;

import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.UserWorkloadFacts;
import io.execbench.harness.read.WarmupRecords.Warmup;
import java.util.List;

/**
 * Every analysed experiment of one run: what findings, claims and the report's sections are made from.
 *
 * @param workload the user's own workload through the models ({@link ModelExperiment#ofWorkload}), kept apart from
 *                 the built-in kernels' {@code models} so that no finding or claim mixes their sizes
 * @param workloadFacts what run.json says of that workload
 * @param floor         each IPC round trip beside its C floor from the same run
 * @param steady        how the forks' data-decided warm-ups went
 */
public record Experiments(ModelExperiment models, IpcExperiment ipc, ScalingExperiment scaling,
                          List<LatencyGroup> latency, ModelExperiment workload, UserWorkloadFacts workloadFacts,
                          FloorComparison floor, SteadyStates steady) {

    public Experiments {
        latency = List.copyOf(latency);
    }

    /** A run with none of the experiments: the report shows its generic results only. */
    public static Experiments none() {
        return new Experiments(new ModelExperiment(List.of()), new IpcExperiment(List.of()),
                new ScalingExperiment(List.of(), List.of(), null, null), List.of(), new ModelExperiment(List.of()),
                UserWorkloadFacts.UNKNOWN, FloorComparison.none(), new SteadyStates(List.of()));
    }

    /** As {@link #of(Run, List, MachineFacts, List)} for a run without warm-up records. */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine) {
        return of(run, logs, machine, List.of());
    }

    /**
     * Analyses every experiment {@code run} holds; {@code logs} are its latency/*.hlog files, {@code warmups} its
     * warmup/ records.
     */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine, List<Warmup> warmups) {
        return new Experiments(ModelExperiment.of(run.results()), IpcExperiment.of(run.results()),
                ScalingExperiment.of(run.results(), machine.logicalCpus(), machine.usableCpus(),
                        machine.scalingPlanNotes()),
                LatencyGrouping.of(run.results(), logs), ModelExperiment.ofWorkload(run.results()),
                machine.userWorkload(), FloorComparison.of(run.results(), run.floor()), SteadyStates.of(warmups));
    }
}
