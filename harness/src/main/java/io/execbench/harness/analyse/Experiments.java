package io.execbench.harness.analyse;

import io.execbench.harness.read.FaultLog;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import java.util.List;

/** Every analysed experiment of one run: what findings, claims and the report's sections are made from. */
public record Experiments(ModelExperiment models, IpcExperiment ipc, ScalingExperiment scaling,
                          List<LatencyGroup> latency, StartupExperiment startup, List<String> launchNotes,
                          FaultExperiment faults) {

    public Experiments {
        latency = List.copyOf(latency);
        launchNotes = List.copyOf(launchNotes);
    }

    /** A run with none of the experiments: the report shows its generic results only. */
    public static Experiments none() {
        return new Experiments(new ModelExperiment(List.of()), new IpcExperiment(List.of()),
                new ScalingExperiment(List.of(), List.of(), null, null), List.of(),
                new StartupExperiment(List.of(), List.of(), List.of(), List.of()), List.of(),
                FaultExperiment.of(List.of(), List.of()));
    }

    /** As {@link #of(Run, List, MachineFacts, List)} for a run without fault logs. */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine) {
        return of(run, logs, machine, List.of());
    }

    /**
     * Analyses every experiment {@code run} holds; {@code logs} are its latency/*.hlog files, {@code faultLogs} its
     * faults/*.json.
     */
    public static Experiments of(Run run, List<LatencyLog> logs, MachineFacts machine, List<FaultLog> faultLogs) {
        return new Experiments(ModelExperiment.of(run.results()), IpcExperiment.of(run.results()),
                ScalingExperiment.of(run.results(), machine.logicalCpus(), machine.usableCpus(),
                        machine.scalingPlanNotes()),
                LatencyGrouping.of(run.results(), logs), StartupExperiment.of(run.results()), machine.launchNotes(),
                FaultExperiment.of(faultLogs, run.results()));
    }
}
