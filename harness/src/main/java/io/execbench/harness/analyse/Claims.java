package io.execbench.harness.analyse;

import io.execbench.harness.stats.CostFit;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Ratio;
import io.execbench.harness.stats.Speedup;
import io.execbench.harness.stats.ThroughputPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The common concurrency claims (the event-loop, cluster, child_process and worker_threads lore of Node.js, in its
 * Java form), each worded as what this run tests and decided by {@link Claim.Test} on one number with its
 * interval, so that a verdict never reads against its number; or marked {@link Claim#UNTESTED}, saying exactly
 * what is missing.
 */
public final class Claims {

    static final String LOOP = "CPU-heavy tasks on an event loop run one at a time: no faster than inline";
    static final String PROCESSES = "A pool of worker processes uses more cores: faster than inline";
    static final String IPC = "A small message (" + "1 KiB" + ") costs a channel's fixed price: the bytes overtake it "
            + "only at larger sizes";
    static final String CORES = "More threads than logical CPUs add no throughput";
    static final String POOL = "A pool as large as the cores is right for CPU-bound work: one thread fewer is slower";
    static final String VIRTUAL = "Virtual threads are no faster than a pool of platform threads of the same size "
            + "on CPU-bound work";

    static final String CHILD_CRASH = "A crash in a child process does not take down the parent or the other children";
    static final String SHARED_FATE = "Threads share one fate: System.exit in one task ends every thread of the JVM";
    /** Faults that end a worker JVM: the crashes the child-process claim is decided on. */
    static final List<String> CRASHES = List.of("exit", "stackOverflow");

    /** The size of a small message, a typical request: the structured message of the IPC suite is 1 KiB. */
    static final long SMALL_MESSAGE_BYTES = 1024;

    private Claims() {
    }

    public static List<Claim> of(Experiments experiments) {
        return List.of(loop(experiments.models()), processes(experiments.models()), ipc(experiments.ipc()),
                cores(experiments.scaling()), pool(experiments.scaling(), experiments.latency()),
                virtual(experiments.models()), childCrash(experiments.faults()), sharedFate(experiments.faults()),
                ServerClaims.blocks(experiments.server()), ServerClaims.cluster(experiments.server()));
    }

    /**
     * Every crash of a worker JVM (exit, stack overflow) in the survival trials and in the recovery benchmark: did the
     * parent (the trial JVM, the JMH fork) and the other worker live through it? Decided on the share that did, a
     * count (exact, no interval needed): the claim holds when every crash left them running.
     */
    private static Claim childCrash(FaultExperiment faults) {
        int crashes = 0;
        int survived = 0;
        List<String> parts = new ArrayList<>();
        for (String fault : CRASHES) {
            Optional<FaultExperiment.Cell> cell = faults.cell(FaultExperiment.PROCESSES, fault);
            if (cell.isPresent()) {
                crashes++;
                boolean both = cell.get().logged().jvmSurvived()
                        && Boolean.TRUE.equals(cell.get().logged().otherWorkerSurvived());
                survived += both ? 1 : 0;
                parts.add(fault + " in a trial: " + cell.get().outcome());
            }
            Optional<FaultExperiment.Recovery> recovery = faults.recoveries().stream()
                    .filter(r -> r.fault().equals(fault)).findFirst();
            if (recovery.isPresent() && recovery.get().crashes() > 0) {
                crashes += recovery.get().crashes();
                survived += recovery.get().otherWorkerSurvived();
                parts.add(fault + " in the recovery benchmark: the other worker lived through "
                        + recovery.get().otherWorkerSurvived() + " of " + recovery.get().crashes() + " crashes");
            }
        }
        if (crashes == 0) {
            return Claim.untested(CHILD_CRASH, "No worker crash (exit or stackOverflow) in this run's fault logs.");
        }
        double share = survived / (double) crashes;
        String headline = "The parent and the other worker lived through " + survived + " of " + crashes
                + " worker crashes.";
        return Claim.tested(CHILD_CRASH, headline, headline + " " + String.join("; ", parts) + ".",
                new Claim.Test("share of worker crashes the parent and the other worker survived",
                        Estimate.exact(share, 1), Claim.Bound.ABOVE, ALL_BUT_NONE));
    }

    /** A share of at least this counts as "every one": only 1 passes with the trial counts measured here. */
    static final double ALL_BUT_NONE = 0.999;

    /**
     * System.exit from one task in each thread model (inline, pools, virtual threads): did the whole JVM, and every
     * other task, go with it? Decided on the share of thread models whose JVM died; the other faults' outcomes are
     * listed, since an exception or a stack overflow is confined to its task.
     */
    private static Claim sharedFate(FaultExperiment faults) {
        int models = 0;
        int died = 0;
        List<String> others = new ArrayList<>();
        for (FaultExperiment.Cell cell : faults.cells()) {
            if (cell.model().equals(FaultExperiment.PROCESSES)) {
                continue;
            }
            if (cell.fault().equals("exit")) {
                models++;
                died += cell.logged().jvmSurvived() ? 0 : 1;
            } else {
                others.add(cell.model() + "/" + cell.fault() + ": " + cell.outcome());
            }
        }
        if (models == 0) {
            return Claim.untested(SHARED_FATE, "No System.exit trial of a thread model in this run's fault logs.");
        }
        String headline = "System.exit in one task ended the whole JVM in " + died + " of " + models
                + " thread models, every other task with it.";
        return Claim.tested(SHARED_FATE, headline, headline + (others.isEmpty() ? "" : " Other faults: "
                        + String.join("; ", others) + "."),
                new Claim.Test("share of thread models whose JVM System.exit ended", Estimate.exact((double) died
                        / models, 1), Claim.Bound.ABOVE, ALL_BUT_NONE));
    }

    /** An event loop is one thread: its batch of tasks should go no faster than inline's. */
    private static Claim loop(ModelExperiment models) {
        Optional<ModelExperiment.Cell> loop = largestSpeedup(models, "eventLoop");
        if (loop.isEmpty()) {
            return Claim.untested(LOOP, missing(models, "eventLoop"));
        }
        Estimate s = loop.get().speedup();
        String headline = "eventLoop over inline at workUnits=" + loop.get().workUnits() + ": " + Text.estimate(s)
                + " x (99.9%).";
        String measured = headline + " Tasks queued on one loop thread run one after another, so each waits for all "
                + "before it. (A cheap request's latency behind an expensive one is the server experiment's claim.)";
        return Claim.tested(LOOP, headline, measured,
                new Claim.Test("eventLoop / inline calls per second", s, Claim.Bound.AT_MOST, 1));
    }

    private static Claim processes(ModelExperiment models) {
        Optional<ModelExperiment.Cell> cell = largestSpeedup(models, "processes");
        if (cell.isEmpty()) {
            return Claim.untested(PROCESSES, missing(models, "processes"));
        }
        Estimate s = cell.get().speedup();
        String headline = "processes over inline at workUnits=" + cell.get().workUnits() + ": " + Text.estimate(s)
                + " x (99.9%).";
        return Claim.tested(PROCESSES, headline, "A pool of worker JVMs vs inline at workUnits="
                + cell.get().workUnits() + ": speedup " + Text.estimate(s) + " (99.9%).",
                new Claim.Test("processes / inline calls per second", s, Claim.Bound.ABOVE, 1));
    }

    /**
     * Exactly what keeps {@code model} from being compared with inline: not measured at all, or measured in a
     * benchmark method that has no inline at the same task size (and where inline was measured instead).
     */
    static String missing(ModelExperiment models, String model) {
        List<String> measured = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        for (ModelExperiment.Sweep sweep : models.sweeps()) {
            String where = sweep.benchmark() + (sweep.fixed().isEmpty() ? "" : " (" + sweep.fixed() + ")");
            List<String> sizes = sweep.cells().stream().filter(c -> c.model().equals(model))
                    .map(c -> String.valueOf(c.workUnits())).toList();
            if (!sizes.isEmpty()) {
                measured.add(where + " at workUnits=" + String.join(", ", sizes));
            }
            List<String> inlineSizes = sweep.cells().stream().filter(c -> c.model().equals(ModelExperiment.INLINE))
                    .map(c -> String.valueOf(c.workUnits())).toList();
            if (!inlineSizes.isEmpty()) {
                inline.add(where + " at workUnits=" + String.join(", ", inlineSizes));
            }
        }
        if (measured.isEmpty()) {
            return "No " + model + " model in this run.";
        }
        return model + " was measured in " + String.join("; ", measured) + ", but no inline run of the same "
                + "benchmark method, parameters and task size is beside it" + (inline.isEmpty()
                        ? "; this run measured no inline at all."
                        : "; inline was measured in " + String.join("; ", inline) + ".");
    }

    /**
     * Per round-trip transport, the payload where the per-byte cost equals the fixed cost, with its interval, against
     * the size of a small message: the claim holds when even the smallest crossover lies above it.
     */
    private static Claim ipc(IpcExperiment ipc) {
        List<String> parts = new ArrayList<>();
        String lowestTransport = null;
        Estimate lowest = null;
        for (IpcExperiment.Curve curve : ipc.curves()) {
            if (curve.kind() != IpcExperiment.Kind.ROUND_TRIP || curve.fit().isEmpty() || curve.points().size() < 3) {
                continue;
            }
            CostFit fit = curve.fit().get();
            Estimate crossover = fit.crossover();
            parts.add(curve.benchmark() + ", " + curve.transport() + ": " + bytes(crossover));
            if (lowest == null || crossover.value() < lowest.value()) {
                lowest = crossover;
                lowestTransport = curve.benchmark() + ", " + curve.transport();
            }
        }
        if (lowest == null) {
            return Claim.untested(IPC, "No round-trip benchmark over three or more payload sizes, so no crossover "
                    + "size with an interval.");
        }
        String headline = "Smallest crossover, where the bytes cost as much as the fixed part: " + lowestTransport
                + " at " + bytes(lowest) + " (" + Text.confidence(lowest) + ", from the fit's 95% intervals).";
        String measured = "Crossover size per transport (fixed cost / per-byte cost, " + Text.confidence(lowest)
                + " interval from the ends of both 95% intervals): " + String.join("; ", parts) + ". A small "
                + "message is " + Text.bytes(SMALL_MESSAGE_BYTES) + ".";
        return Claim.tested(IPC, headline, measured, new Claim.Test("smallest crossover size (bytes)", lowest,
                Claim.Bound.ABOVE, SMALL_MESSAGE_BYTES));
    }

    private static String bytes(Estimate e) {
        return Text.bytes(e.value()) + (e.hasInterval() ? " [" + Text.bytes(e.low()) + ", "
                + (Double.isFinite(e.high()) ? Text.bytes(e.high()) : "unbounded") + "]" : " (no interval)");
    }

    /**
     * Past the logical CPUs more threads add nothing: per sweep, throughput at the most threads over throughput at
     * one thread per CPU; the claim is decided on the sweep where that ratio is highest.
     */
    private static Claim cores(ScalingExperiment scaling) {
        Integer cpus = scaling.logicalCpus();
        List<String> parts = new ArrayList<>();
        Estimate highest = null;
        String highestAt = null;
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
                Estimate gain = throughputRatio(sweep, beyond.get().threads(), cpus);
                if (highest == null || gain.value() > highest.value()) {
                    highest = gain;
                    highestAt = sweep.otherParams() + ", " + beyond.get().threads() + " threads over " + cpus;
                }
            }
        }
        for (ScalingExperiment.YieldRow row : scaling.yields()) {
            parts.add(row.yield().map(y -> row.kernel() + ": a sibling is worth " + Text.percent(y.fractionOfACore())
                    + " of a core (" + Text.estimate(y.siblingsGain()) + " vs " + Text.estimate(y.coresGain()) + ")")
                    .orElse(row.kernel() + ": hyperthread yield not measured (" + row.reason() + ")"));
        }
        if (highest == null) {
            return Claim.untested(CORES, "No thread sweep past the logical CPUs" + (cpus == null
                    ? " (the logical CPU count is unknown)." : "."));
        }
        boolean yieldShown = scaling.yields().stream().anyMatch(r -> r.yield().isPresent());
        String note = yieldShown ? "" : " The hyperthread half of the claim cannot be tested here.";
        String headline = "Largest gain past the CPUs: " + highestAt + ": " + Text.estimate(highest)
                + " x the throughput (99.9%).";
        return Claim.tested(CORES, headline, "Speedup " + String.join("; ", parts) + "." + note,
                new Claim.Test("throughput past the CPUs / at the CPUs", highest, Claim.Bound.AT_MOST, 1));
    }

    /** Throughput at {@code a} threads over that at {@code b} threads of one sweep, with {@link Ratio}'s interval. */
    private static Estimate throughputRatio(ScalingExperiment.Sweep sweep, int a, int b) {
        return Ratio.of(side(sweep, a), side(sweep, b));
    }

    private static Ratio.Side side(ScalingExperiment.Sweep sweep, int threads) {
        ThroughputPoint point = sweep.points().stream().filter(p -> p.threads() == threads).findFirst()
                .orElseThrow();
        return new Ratio.Side(point.score(), point.scoreError(), point.sampleCount());
    }

    /**
     * The thread sweep at, below and past the logical CPUs, and what the threads past them do to each chunk's latency
     * (the scaling suite's latency logs). A pool-size sweep of the models suite is not read yet.
     */
    private static Claim pool(ScalingExperiment scaling, List<LatencyGroup> latency) {
        Integer cpus = scaling.logicalCpus();
        List<String> parts = new ArrayList<>();
        Estimate lowest = null;
        String lowestAt = null;
        for (ScalingExperiment.Sweep sweep : scaling.sweeps()) {
            Optional<Speedup.Point> atCpus = cpus == null ? Optional.empty() : Speedup.at(sweep.speedups(), cpus);
            Optional<Speedup.Point> fewer = cpus == null ? Optional.empty() : Speedup.at(sweep.speedups(), cpus - 1);
            Optional<Speedup.Point> more = sweep.speedups().stream().filter(p -> cpus != null && p.threads() > cpus)
                    .reduce((a, b) -> b);
            if (atCpus.isEmpty() || fewer.isEmpty()) {
                continue;
            }
            parts.add(sweep.otherParams() + ": " + cpus + " threads " + Text.estimate(atCpus.get().speedup())
                    + ", " + fewer.get().threads() + " threads " + Text.estimate(fewer.get().speedup())
                    + more.map(p -> ", " + p.threads() + " threads " + Text.estimate(p.speedup())).orElse(""));
            Estimate gain = throughputRatio(sweep, cpus, cpus - 1);
            if (lowest == null || gain.value() < lowest.value()) {
                lowest = gain;
                lowestAt = sweep.otherParams() + ", " + cpus + " threads over " + (cpus - 1);
            }
        }
        if (lowest == null) {
            return Claim.untested(POOL, "No pool-size sweep and no thread sweep at the core count and one below it"
                    + (cpus == null ? " (the logical CPU count is unknown)." : "."));
        }
        List<String> tails = oversubscribedTails(latency, cpus);
        String headline = "Smallest gain of the last thread: " + lowestAt + ": " + Text.estimate(lowest)
                + " x the throughput (99.9%).";
        return Claim.tested(POOL, headline, "Thread sweep (a pinned worker pool), speedup: " + String.join("; ", parts)
                + ". More threads than CPUs add nothing; fewer leave cores idle." + (tails.isEmpty() ? ""
                        : " Each chunk's latency, p99 / p99.9, at " + cpus + " threads and past them: "
                                + String.join("; ", tails) + "."),
                new Claim.Test("throughput at the CPUs / one thread fewer", lowest, Claim.Bound.ABOVE, 1));
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

    /** Virtual threads against a fixed pool of platform threads (as many as the carriers) on the same tasks. */
    private static Claim virtual(ModelExperiment models) {
        for (ModelExperiment.Sweep comparison : models.sweeps()) {
            Long largest = comparison.sizes().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
            ModelExperiment.Cell virtual = comparison.cell("virtual", largest);
            ModelExperiment.Cell pool = comparison.cell("fixedPool", largest);
            if (virtual == null || pool == null) {
                continue;
            }
            Estimate ratio = virtual.over(pool);
            String at = comparison.benchmark() + " at workUnits=" + largest;
            String headline = "virtual over fixedPool, " + at + ": " + Text.estimate(ratio) + " x (99.9%).";
            String measured = headline + " Calls per second: virtual " + Text.estimate(virtual.callsPerSecond())
                    + ", fixedPool " + Text.estimate(pool.callsPerSecond()) + ". Virtual threads run on as many "
                    + "carriers as there are cores, so both parallelise; the claim is that virtual threads do no "
                    + "better than the pool.";
            return Claim.tested(VIRTUAL, headline, measured,
                    new Claim.Test("virtual / fixedPool calls per second", ratio, Claim.Bound.AT_MOST, 1));
        }
        return Claim.untested(VIRTUAL, "No virtual and fixedPool models measured on the same tasks.");
    }

    /** The model's cell at the largest task size that has a speedup over inline. */
    private static Optional<ModelExperiment.Cell> largestSpeedup(ModelExperiment models, String model) {
        return models.sweeps().stream().flatMap(c -> c.cells().stream())
                .filter(c -> c.model().equals(model) && c.speedup() != null)
                .max((a, b) -> Long.compare(a.workUnits() == null ? 0 : a.workUnits(),
                        b.workUnits() == null ? 0 : b.workUnits()));
    }
}
