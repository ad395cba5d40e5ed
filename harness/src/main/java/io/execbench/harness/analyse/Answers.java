package io.execbench.harness.analyse;

import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.TimeScale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The "At a glance" answers of a run: one per {@link Question} it holds data for or should, decided from the
 * analysed experiments. A question whose experiment the project does not have yet adds nothing; one the run lacks
 * data for says why in one line.
 */
public final class Answers {

    private Answers() {
    }

    public static List<Answer> of(Experiments experiments) {
        return Stream.of(WorkloadAnswer.of(experiments.workload(), experiments.workloadFacts()),
                        models(experiments.models()), ipc(experiments.ipc()), cores(experiments.scaling()),
                        server(experiments.server()), processes(experiments.startup()))
                .flatMap(Optional::stream).toList();
    }

    /**
     * Which configuration keeps the cheap route's p99 lowest while heavy requests arrive: at the shared rate and 1%
     * heavy, the lowest p99 (those whose 99.9% intervals overlap it named as within noise), and
     * eventLoop's over it with {@link io.execbench.harness.stats.Ratio}'s interval as the number.
     */
    public static Optional<Answer> server(ServerExperiment server) {
        if (server.configs().isEmpty()) {
            return Optional.of(Answer.cannot(Question.SERVER, "No server data in this run."));
        }
        if (!server.shared().present()) {
            return Optional.of(Answer.cannot(Question.SERVER, "No rate every server model ran: "
                    + server.shared().how()));
        }
        List<ServerExperiment.Probe> atShared = server.probes().stream()
                .filter(p -> ServerExperiment.same(p.share(), ServerExperiment.SHARED_MIX) && p.cheapP99Us() != null)
                .sorted(Comparator.comparingDouble(p -> p.cheapP99Us().value())).toList();
        if (atShared.isEmpty()) {
            return Optional.of(Answer.cannot(Question.SERVER, "No cheap-route latency at 1% heavy requests."));
        }
        ServerExperiment.Probe best = atShared.getFirst();
        String rate = ServerExperiment.rate(server.shared().perSec()) + " req/s";
        List<String> tied = atShared.stream().skip(1).filter(p -> Estimates.overlap(p.cheapP99Us(), best.cheapP99Us()))
                .map(p -> p.config().label()).toList();
        Optional<ServerExperiment.Probe> loop = atShared.stream()
                .filter(p -> p.config().run().model().equals(ServerExperiment.EVENT_LOOP)).findFirst();
        String answer = best.config().label() + " keeps the cheap route's p99 lowest with 1% heavy requests at " + rate
                + ": " + Numbers.format(best.cheapP99Us().value() / 1000) + " ms"
                + (tied.isEmpty() ? "" : " (" + String.join(", ", tied) + " within noise)")
                + loop.filter(l -> l != best).map(l -> "; on one event loop it is "
                        + Numbers.format(l.cheapP99Us().value() / 1000) + " ms").orElse("") + ".";
        String number = loop.filter(l -> l != best && best.eventLoopOver() != null)
                .map(l -> "eventLoop / " + best.config().label() + " cheap p99: " + Text.estimate(best.eventLoopOver())
                        + " x (99.9%)")
                .orElse(best.config().label() + " cheap p99: " + Text.estimate(best.cheapP99Us(), 1000, " ms")
                        + " (99.9%)");
        List<Sketch.Line> lines = new ArrayList<>();
        for (ServerExperiment.Config config : server.configs()) {
            lines.add(new Sketch.Line(config.label(), server.probes().stream()
                    .filter(p -> p.config() == config && p.cheapP99Us() != null && p.point().sustainable())
                    .map(p -> new Sketch.Point(p.share() * 100, p.cheapP99Us().dividedBy(1000))).toList()));
        }
        return Optional.of(Answer.of(Question.SERVER, answer, number, new Sketch("heavy requests",
                "cheap p99 at " + rate + " (ms)", lines, Double.NaN, true)));
    }

    /**
     * What a process costs to start: the cheapest native launch, the cheapest JVM to its first byte and the cheapest
     * worker JVM to its first reply, each with its interval; the JVM's time is the number. (Memory per process is not
     * measured yet.)
     */
    static Optional<Answer> processes(StartupExperiment startup) {
        if (startup.isEmpty()) {
            return Optional.of(Answer.cannot(Question.PROCESSES, "No process start-up benchmarks in this run."));
        }
        Optional<StartupExperiment.Launch> nativeLaunch = cheapest(startup, "native,");
        Optional<StartupExperiment.Launch> jvm = cheapest(startup, "jvm,");
        Optional<StartupExperiment.Launch> worker = cheapest(startup, "worker JVM");
        List<String> parts = new ArrayList<>();
        nativeLaunch.ifPresent(l -> parts.add("a native program " + ms(l)));
        jvm.ifPresent(l -> parts.add("a JVM to its first byte " + ms(l)));
        worker.ifPresent(l -> parts.add("a worker JVM to its first reply " + ms(l)));
        if (parts.isEmpty()) {
            return Optional.of(Answer.cannot(Question.PROCESSES, "Only the thread baseline was measured."));
        }
        StartupExperiment.Launch headline = jvm.or(() -> worker).orElse(nativeLaunch.orElseThrow());
        return Optional.of(Answer.of(Question.PROCESSES, "Cheapest start-ups: " + String.join("; ", parts) + ".",
                headline.label() + ": " + ms(headline), breakEvenSketch(startup)));
    }

    /**
     * Tasks per start-up against task size, one line per compared start-up, for the kernel measured at the most
     * sizes (alu first): where a line crosses 1, a task costs as much as starting the process; null without tasks.
     */
    private static Sketch breakEvenSketch(StartupExperiment startup) {
        Optional<String> kernel = startup.tasks().stream().map(StartupExperiment.Task::kernel).distinct()
                .max(Comparator.comparingLong((String k) -> startup.tasks().stream()
                        .filter(t -> t.kernel().equals(k)).count()).thenComparing(k -> k.equals("alu")));
        if (kernel.isEmpty()) {
            return null;
        }
        List<Sketch.Line> lines = new ArrayList<>();
        for (StartupExperiment.Launch launch : startup.compared()) {
            List<Sketch.Point> points = startup.tasks().stream().filter(t -> t.kernel().equals(kernel.get()))
                    .flatMap(t -> startup.breakEven(launch, t).stream())
                    .map(b -> new Sketch.Point(b.task().workUnits(), b.tasks())).toList();
            lines.add(new Sketch.Line(launch.kind(), points));
        }
        return new Sketch(kernel.get() + " task size (workUnits)", kernel.get() + " tasks per start-up", lines, 1);
    }

    private static Optional<StartupExperiment.Launch> cheapest(StartupExperiment startup, String subjectPrefix) {
        return startup.launches().stream().filter(l -> l.subject().startsWith(subjectPrefix)).findFirst();
    }

    private static String ms(StartupExperiment.Launch launch) {
        return Text.estimate(launch.ms()) + " ms (" + launch.until() + ", 99.9%)";
    }

    /** The sweep with the most task sizes and an inline reference: its fastest model and earliest break-even. */
    static Optional<Answer> models(ModelExperiment models) {
        if (models.isEmpty()) {
            return Optional.of(Answer.cannot(Question.MODELS, "No execution-model benchmarks in this run."));
        }
        Optional<ModelExperiment.Sweep> primary = models.sweeps().stream().filter(s -> !s.breakEvens().isEmpty())
                .max(Comparator.comparingLong(s -> s.sizes().stream().filter(Objects::nonNull).count()));
        if (primary.isEmpty()) {
            return Optional.of(Answer.cannot(Question.MODELS, "No benchmark measured inline and another model at "
                    + "the same task size, so no speedup can be computed."));
        }
        ModelExperiment.Sweep sweep = primary.get();
        Long largest = sweep.sizes().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
        List<ModelExperiment.Cell> ranked = sweep.cells().stream()
                .filter(c -> Objects.equals(c.workUnits(), largest))
                .sorted(Comparator.comparingDouble((ModelExperiment.Cell c) -> c.callsPerSecond().value()).reversed())
                .toList();
        ModelExperiment.Cell best = ranked.getFirst();
        List<String> tied = ranked.stream().skip(1)
                .filter(c -> Estimates.overlap(c.callsPerSecond(), best.callsPerSecond()))
                .map(ModelExperiment.Cell::model).toList();
        Optional<ModelExperiment.BreakEven> earliest = sweep.breakEvens().stream()
                .filter(b -> b.workUnits().isPresent())
                .min(Comparator.comparingLong(b -> b.workUnits().getAsLong()));
        String at = largest == null ? "" : " at workUnits=" + largest;
        String answer = best.model() + " is fastest" + at
                + (tied.isEmpty() ? "" : " (" + String.join(", ", tied) + " within noise)") + "; "
                + earliest.map(b -> "offloading pays from workUnits=" + b.workUnits().getAsLong() + " ("
                        + b.model() + ")").orElse("offloading beats inline at no task size measured") + ".";
        Optional<ModelExperiment.Cell> offloaded = ranked.stream()
                .filter(c -> !c.model().equals(ModelExperiment.INLINE) && c.speedup() != null).findFirst();
        String number = offloaded.map(c -> c.model() + " over inline" + at + ": " + Text.estimate(c.speedup())
                + " x (99.9%)").orElse(null);
        List<Sketch.Line> lines = new ArrayList<>();
        for (String model : sweep.models()) {
            if (!model.equals(ModelExperiment.INLINE)) {
                lines.add(new Sketch.Line(model, sweep.cells().stream()
                        .filter(c -> c.model().equals(model) && c.speedup() != null && c.workUnits() != null)
                        .map(c -> new Sketch.Point(c.workUnits(), c.speedup())).toList()));
            }
        }
        return Optional.of(Answer.of(Question.MODELS, sweep.benchmark() + ": " + answer, number,
                new Sketch("task size (workUnits)", "speedup over inline", lines, 1)));
    }

    /** The round-trip benchmark with the most transports: the cheapest at its smallest and largest payload. */
    static Optional<Answer> ipc(IpcExperiment ipc) {
        if (ipc.isEmpty()) {
            return Optional.of(Answer.cannot(Question.IPC, "No IPC benchmarks in this run."));
        }
        Optional<List<IpcExperiment.Curve>> chart = ipc.charts().stream()
                .filter(c -> c.getFirst().kind() == IpcExperiment.Kind.ROUND_TRIP)
                .filter(c -> c.stream().anyMatch(curve -> curve.points().size() >= 2))
                .max(Comparator.comparingInt(List::size));
        if (chart.isEmpty()) {
            return Optional.of(Answer.cannot(Question.IPC, "No round-trip benchmark over two or more payload "
                    + "sizes in this run."));
        }
        List<IpcExperiment.Curve> curves = chart.get();
        long smallest = curves.stream().flatMap(c -> c.points().stream())
                .mapToLong(IpcExperiment.Point::payloadBytes).min().orElseThrow();
        long largest = curves.stream().flatMap(c -> c.points().stream())
                .mapToLong(IpcExperiment.Point::payloadBytes).max().orElseThrow();
        Cheapest small = cheapest(curves, smallest);
        Cheapest large = cheapest(curves, largest);
        String answer = curves.getFirst().benchmark() + ": " + Text.time(small.time().value()) + " per "
                + Text.bytes(smallest) + " round trip at the cheapest (" + small.transport() + ")"
                + (smallest == largest ? "" : ", " + Text.time(large.time().value()) + " per " + Text.bytes(largest)
                        + " (" + large.transport() + ")") + "; the dearest transport costs "
                + Numbers.format(dearest(curves, smallest).time().value() / small.time().value()) + " x as much for "
                + Text.bytes(smallest) + ".";
        TimeScale scale = TimeScale.forTypical(small.time().value());
        List<Sketch.Line> lines = curves.stream().map(c -> new Sketch.Line(c.transport(), c.points().stream()
                .map(p -> new Sketch.Point(p.payloadBytes(), p.timeNs().dividedBy(scale.nanosPerUnit())))
                .toList())).toList();
        return Optional.of(Answer.of(Question.IPC, answer, small.transport() + ", " + Text.bytes(smallest) + ": "
                + Text.time(small.time()) + " per round trip (99.9%)",
                new Sketch("payload (bytes)", "round trip (" + scale.symbol() + ")", lines, Double.NaN)));
    }

    private record Cheapest(String transport, Estimate time) {
    }

    private static Cheapest cheapest(List<IpcExperiment.Curve> curves, long bytes) {
        return at(curves, bytes).min(Comparator.comparingDouble(c -> c.time().value())).orElseThrow();
    }

    private static Cheapest dearest(List<IpcExperiment.Curve> curves, long bytes) {
        return at(curves, bytes).max(Comparator.comparingDouble(c -> c.time().value())).orElseThrow();
    }

    private static Stream<Cheapest> at(List<IpcExperiment.Curve> curves, long bytes) {
        return curves.stream().flatMap(c -> c.points().stream().filter(p -> p.payloadBytes() == bytes)
                .map(p -> new Cheapest(c.transport(), p.timeNs())));
    }

    /** Effective cores: the highest and lowest over the sweeps, against the logical CPUs. */
    static Optional<Answer> cores(ScalingExperiment scaling) {
        if (scaling.isEmpty()) {
            return Optional.of(Answer.cannot(Question.CORES, "No thread-scaling benchmark in this run (a "
                    + "throughput benchmark with a threads parameter and a threads=1 point)."));
        }
        Comparator<ScalingExperiment.Sweep> byCores = Comparator.comparingDouble(s -> s.effectiveCores().value());
        ScalingExperiment.Sweep most = scaling.sweeps().stream().max(byCores).orElseThrow();
        ScalingExperiment.Sweep least = scaling.sweeps().stream().min(byCores).orElseThrow();
        String cpus = scaling.logicalCpus() == null ? "" : " of " + scaling.logicalCpus() + " logical CPUs";
        String answer = "Up to " + Numbers.format(most.effectiveCores().value())
                + " effective cores" + cpus + " (" + most.otherParams() + ")"
                + (most == least ? "" : "; the least, " + Numbers.format(
                        least.effectiveCores().value()) + " (" + least.otherParams() + ")") + ".";
        List<Sketch.Line> lines = scaling.sweeps().stream().map(s -> new Sketch.Line(s.otherParams(),
                s.speedups().stream().map(p -> new Sketch.Point(p.threads(), p.speedup())).toList())).toList();
        return Optional.of(Answer.of(Question.CORES, most.benchmark() + ": " + answer,
                Text.estimate(most.effectiveCores()) + " effective cores (99.9%), " + most.otherParams(),
                new Sketch("threads", "speedup over one thread", lines, Double.NaN)));
    }
}
