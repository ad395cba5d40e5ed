package io.execbench.harness.analyse;

import io.execbench.harness.stats.CostFit;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Speedup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The common concurrency claims (the event-loop, cluster, child_process and worker_threads lore of Node.js, in its
 * Java form), each answered from this run or marked {@link Claim#UNTESTED}. A verdict is "supported" or "not
 * supported" only when the intervals decide it; otherwise "within noise".
 */
public final class Claims {

    static final String LOOP = "CPU-heavy work on the main loop delays everything else";
    static final String PROCESSES = "More processes use more cores";
    static final String IPC = "An IPC channel suits small messages; large payloads are costly";
    static final String CORES = "A core runs one thread at a time; a hyperthread is not a full core";
    static final String POOL = "A pool as large as the cores is right for CPU-bound work";
    static final String VIRTUAL = "Virtual threads do not speed up CPU-bound work";

    private Claims() {
    }

    public static List<Claim> of(Experiments experiments) {
        return List.of(loop(experiments.models()), processes(experiments.models()), ipc(experiments.ipc()),
                cores(experiments.scaling()), pool(experiments.scaling(), experiments.latency()),
                virtual(experiments.models()));
    }

    /** An event loop is one thread: its batch of coarse tasks should take as long as inline's, not less. */
    private static Claim loop(ModelExperiment models) {
        Optional<ModelExperiment.Cell> loop = largestSpeedup(models, "eventLoop");
        if (loop.isEmpty()) {
            return new Claim(LOOP, "No eventLoop model measured against inline.", Claim.UNTESTED);
        }
        Estimate s = loop.get().speedup();
        String measured = "eventLoop vs inline at workUnits=" + loop.get().workUnits() + ": speedup " + Text.estimate(s)
                + ". Tasks queued on one loop thread run one after another, so each waits for all before it. (A "
                + "cheap request's latency behind an expensive one is not measured by this run.)";
        String verdict = s.hasInterval() && s.high() < 1.5 ? Claim.SUPPORTED
                : s.hasInterval() && s.low() > 1.5 ? Claim.NOT_SUPPORTED : Claim.WITHIN_NOISE;
        return new Claim(LOOP, measured, verdict);
    }

    private static Claim processes(ModelExperiment models) {
        Optional<ModelExperiment.Cell> cell = largestSpeedup(models, "processes");
        if (cell.isEmpty()) {
            return new Claim(PROCESSES, "No processes model measured against inline.", Claim.UNTESTED);
        }
        Estimate s = cell.get().speedup();
        String measured = "A pool of worker JVMs vs inline at workUnits=" + cell.get().workUnits() + ": speedup "
                + Text.estimate(s) + " (99.9%).";
        String verdict = !s.hasInterval() ? Claim.WITHIN_NOISE : s.low() > 1 ? Claim.SUPPORTED
                : s.high() <= 1 ? Claim.NOT_SUPPORTED : Claim.WITHIN_NOISE;
        return new Claim(PROCESSES, measured, verdict);
    }

    /** The fixed cost dominates a small message and the per-byte cost a large one. */
    private static Claim ipc(IpcExperiment ipc) {
        List<String> parts = new ArrayList<>();
        int supported = 0;
        int refuted = 0;
        for (IpcExperiment.Curve curve : ipc.curves()) {
            if (curve.kind() != IpcExperiment.Kind.ROUND_TRIP || curve.fit().isEmpty() || curve.points().size() < 2) {
                continue;
            }
            CostFit fit = curve.fit().get();
            long small = curve.points().getFirst().payloadBytes();
            long large = curve.points().getLast().payloadBytes();
            double smallShare = fit.fixedNs().value() / fit.predictNs(small);
            double largeShare = fit.perByteNs().value() * large / fit.predictNs(large);
            parts.add(curve.transport() + ": fixed part " + Text.percent(smallShare) + " of a " + Text.bytes(small)
                    + " round trip, bytes " + Text.percent(largeShare) + " of a " + Text.bytes(large) + " one");
            boolean perByteKnown = fit.perByteNs().hasInterval() && fit.perByteNs().low() > 0;
            if (smallShare > 0.5 && largeShare > 0.5 && perByteKnown) {
                supported++;
            } else if (fit.perByteNs().hasInterval() && fit.perByteNs().high() <= 0) {
                refuted++;
            }
        }
        if (parts.isEmpty()) {
            return new Claim(IPC, "No round trips over two or more payload sizes.", Claim.UNTESTED);
        }
        String verdict = supported > 0 && refuted == 0 ? Claim.SUPPORTED
                : refuted > 0 && supported == 0 ? Claim.NOT_SUPPORTED : Claim.WITHIN_NOISE;
        return new Claim(IPC, String.join("; ", parts) + " (fixed + per-byte fit).", verdict);
    }

    /** Past the logical CPUs more threads add nothing; a sibling adds less than a core. */
    private static Claim cores(ScalingExperiment scaling) {
        Integer cpus = scaling.logicalCpus();
        List<String> parts = new ArrayList<>();
        boolean flat = false;
        boolean gained = false;
        for (ScalingExperiment.Sweep sweep : scaling.sweeps()) {
            if (cpus == null) {
                break;
            }
            Optional<Speedup.Point> atCpus = Speedup.at(sweep.speedups(), cpus);
            Optional<Speedup.Point> beyond = sweep.speedups().stream().filter(p -> p.threads() > cpus)
                    .reduce((a, b) -> b);
            if (atCpus.isPresent() && beyond.isPresent()) {
                Estimate more = beyond.get().speedup();
                parts.add(sweep.otherParams() + ": " + Text.estimate(atCpus.get().speedup()) + " at " + cpus
                        + " threads, " + Text.estimate(more) + " at " + beyond.get().threads());
                if (Estimates.above(more, atCpus.get().speedup())) {
                    gained = true;
                } else {
                    flat = true;
                }
            }
        }
        for (ScalingExperiment.YieldRow row : scaling.yields()) {
            parts.add(row.yield().map(y -> row.kernel() + ": a sibling is worth " + Text.percent(y.fractionOfACore())
                    + " of a core (" + Text.estimate(y.siblingsGain()) + " vs " + Text.estimate(y.coresGain()) + ")")
                    .orElse(row.kernel() + ": hyperthread yield not measured (" + row.reason() + ")"));
        }
        if (parts.isEmpty()) {
            return new Claim(CORES, "No thread sweep past the logical CPUs and no hyperthread measurement.",
                    Claim.UNTESTED);
        }
        boolean yieldShown = scaling.yields().stream().anyMatch(r -> r.yield().isPresent());
        String verdict = gained ? Claim.NOT_SUPPORTED : flat ? Claim.SUPPORTED : Claim.WITHIN_NOISE;
        String note = yieldShown ? "" : " The hyperthread half of the claim cannot be tested here.";
        return new Claim(CORES, "Speedup " + String.join("; ", parts) + "." + note, verdict);
    }

    /**
     * The thread sweep at, below and past the logical CPUs, and what the threads past them do to each chunk's latency
     * (the scaling suite's latency logs). A pool-size sweep of the models suite is not read yet.
     */
    private static Claim pool(ScalingExperiment scaling, List<LatencyGroup> latency) {
        Integer cpus = scaling.logicalCpus();
        List<String> parts = new ArrayList<>();
        int better = 0;
        int worse = 0;
        for (ScalingExperiment.Sweep sweep : scaling.sweeps()) {
            Optional<Speedup.Point> atCpus = cpus == null ? Optional.empty() : Speedup.at(sweep.speedups(), cpus);
            Optional<Speedup.Point> fewer = cpus == null ? Optional.empty() : Speedup.at(sweep.speedups(), cpus - 1);
            Optional<Speedup.Point> more = sweep.speedups().stream().filter(p -> cpus != null && p.threads() > cpus)
                    .reduce((a, b) -> b);
            if (atCpus.isEmpty() || more.isEmpty()) {
                continue;
            }
            parts.add(sweep.otherParams() + ": " + cpus + " threads " + Text.estimate(atCpus.get().speedup())
                    + fewer.map(p -> ", " + p.threads() + " threads " + Text.estimate(p.speedup())).orElse("")
                    + ", " + more.get().threads() + " threads " + Text.estimate(more.get().speedup()));
            boolean beatsFewer = fewer.isEmpty() || Estimates.above(atCpus.get().speedup(), fewer.get().speedup());
            if (Estimates.above(more.get().speedup(), atCpus.get().speedup())) {
                worse++;
            } else if (beatsFewer) {
                better++;
            }
        }
        if (parts.isEmpty()) {
            return new Claim(POOL, "No pool-size sweep and no thread sweep around the core count.", Claim.UNTESTED);
        }
        String verdict = worse > 0 ? Claim.NOT_SUPPORTED : better > 0 ? Claim.SUPPORTED : Claim.WITHIN_NOISE;
        List<String> tails = cpus == null ? List.of() : oversubscribedTails(latency, cpus);
        return new Claim(POOL, "Thread sweep (a pinned worker pool), speedup: " + String.join("; ", parts)
                + ". More threads than CPUs add nothing; fewer leave cores idle." + (tails.isEmpty() ? ""
                        : " Each chunk's latency, p99 / p99.9, at " + cpus + " threads and past them: "
                                + String.join("; ", tails) + "."), verdict);
    }

    /** Per scaling latency chart: chunk p99 with one thread per CPU against the most threads measured. */
    private static List<String> oversubscribedTails(List<LatencyGroup> latency, int cpus) {
        List<String> tails = new ArrayList<>();
        for (LatencyGroup group : latency) {
            if (!group.title().startsWith("scaling-")) {
                continue;
            }
            Optional<LatencyGroup.Series> atCpus = group.series().stream()
                    .filter(s -> s.label().equals("threads=" + cpus)).findFirst();
            Optional<LatencyGroup.Series> most = group.series().stream()
                    .filter(s -> threadsOf(s.label()) > cpus).max(Comparator.comparingInt(s -> threadsOf(s.label())));
            if (atCpus.isPresent() && most.isPresent()) {
                tails.add(group.title().substring("scaling-".length()) + " " + tail(atCpus.get()) + " at " + cpus
                        + ", " + tail(most.get()) + " at " + threadsOf(most.get().label()));
            }
        }
        return tails;
    }

    private static String tail(LatencyGroup.Series series) {
        return Text.time(series.merged().getValueAtPercentile(99)) + " / "
                + Text.time(series.merged().getValueAtPercentile(99.9));
    }

    private static int threadsOf(String label) {
        try {
            return label.startsWith("threads=") ? Integer.parseInt(label.substring("threads=".length())) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Virtual threads against a fixed pool of platform threads on the same coarse tasks. */
    private static Claim virtual(ModelExperiment models) {
        for (ModelExperiment.Sweep comparison : models.sweeps()) {
            Long largest = comparison.sizes().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
            ModelExperiment.Cell virtual = comparison.cell("virtual", largest);
            ModelExperiment.Cell pool = comparison.cell("fixedPool", largest);
            if (virtual == null || pool == null) {
                continue;
            }
            Estimate v = virtual.callsPerSecond();
            Estimate p = pool.callsPerSecond();
            String measured = comparison.benchmark() + " at workUnits=" + largest + ": virtual "
                    + Text.estimate(v) + " calls/s, fixedPool " + Text.estimate(p) + " calls/s"
                    + (virtual.speedup() == null ? "" : "; virtual over inline " + Text.estimate(virtual.speedup()))
                    + ". Virtual threads run on as many carriers as there are cores: they parallelise like a pool, "
                    + "and the claim is that they do no better.";
            String verdict = Estimates.above(v, p) ? Claim.NOT_SUPPORTED : Claim.SUPPORTED;
            return new Claim(VIRTUAL, measured, verdict);
        }
        return new Claim(VIRTUAL, "No virtual and fixedPool models measured on the same tasks.", Claim.UNTESTED);
    }

    /** The model's cell at the largest task size that has a speedup over inline. */
    private static Optional<ModelExperiment.Cell> largestSpeedup(ModelExperiment models, String model) {
        return models.sweeps().stream().flatMap(c -> c.cells().stream())
                .filter(c -> c.model().equals(model) && c.speedup() != null)
                .max((a, b) -> Long.compare(a.workUnits() == null ? 0 : a.workUnits(),
                        b.workUnits() == null ? 0 : b.workUnits()));
    }
}
