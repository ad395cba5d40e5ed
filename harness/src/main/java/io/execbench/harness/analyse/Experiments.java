package io.execbench.harness.analyse;

import io.execbench.harness.read.FaultLog;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.ServerReadings;
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
 * @param startup       every process start-up side by side
 * @param launchNotes   the launch mechanisms this JDK refused or warned about
 * @param faults        what survived each fault in each model, and how processes recovered
 * @param memory        memory per platform thread, virtual thread and JVM, and how many fit
 * @param server        a server under load: sustainable rates, the blocking probe, the ab cross-check
 */
public record Experiments(ModelExperiment models, IpcExperiment ipc, ScalingExperiment scaling,
                          List<LatencyGroup> latency, ModelExperiment workload, UserWorkloadFacts workloadFacts,
                          FloorComparison floor, SteadyStates steady, StartupExperiment startup,
                          List<String> launchNotes, FaultExperiment faults, MemoryExperiment memory,
                          ServerExperiment server) {

    public Experiments {
        latency = List.copyOf(latency);
        launchNotes = List.copyOf(launchNotes);
    }

    /** A run with none of the experiments: the report shows its generic results only. */
    public static Experiments none() {
        return new Experiments(new ModelExperiment(List.of()), new IpcExperiment(List.of()),
                new ScalingExperiment(List.of(), List.of(), null, null), List.of(), new ModelExperiment(List.of()),
                UserWorkloadFacts.UNKNOWN, FloorComparison.none(), new SteadyStates(List.of()),
                new StartupExperiment(List.of(), List.of(), List.of(), List.of()), List.of(),
                FaultExperiment.of(List.of(), List.of()), MemoryExperiment.of(List.of()),
                ServerExperiment.none());
    }

    /** As {@link #of(Run, List, MachineFacts, List, List)} for a run without warm-up records or fault logs. */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine) {
        return of(run, logs, machine, List.of(), List.of());
    }

    /**
     * Analyses every experiment {@code run} holds; {@code logs} are its latency/*.hlog files, {@code warmups} its
     * warmup/ records, {@code faultLogs} its faults/*.json.
     */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine, List<Warmup> warmups,
                                 List<FaultLog> faultLogs) {
        return of(run, logs, machine, warmups, faultLogs, ServerReadings.ServerLogs.NONE);
    }

    /** As {@link #of(Run, List, MachineFacts, List, List)}, with the server steps' interval logs. */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine, List<Warmup> warmups,
                                 List<FaultLog> faultLogs, ServerReadings.ServerLogs serverLogs) {
        return new Experiments(ModelExperiment.of(run.results()), IpcExperiment.of(run.results()),
                ScalingExperiment.of(run.results(), machine.logicalCpus(), machine.usableCpus(),
                        machine.scalingPlanNotes()),
                LatencyGrouping.of(run.results(), logs), ModelExperiment.ofWorkload(run.results()),
                machine.userWorkload(), FloorComparison.of(run.results(), run.floor()), SteadyStates.of(warmups),
                StartupExperiment.of(run.results()), machine.launchNotes(), FaultExperiment.of(faultLogs, run.results()),
                MemoryExperiment.of(run.memory()), ServerExperiment.of(run.server(), serverLogs));
    }
}
