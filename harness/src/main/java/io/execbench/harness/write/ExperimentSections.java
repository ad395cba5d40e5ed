package io.execbench.harness.write;

import io.execbench.harness.analyse.Experiments;
import io.execbench.harness.analyse.FaultExperiment;
import io.execbench.harness.analyse.FloorComparison;
import io.execbench.harness.analyse.IpcExperiment;
import io.execbench.harness.analyse.LatencyGroup;
import io.execbench.harness.analyse.LatencySummary;
import io.execbench.harness.analyse.MemoryExperiment;
import io.execbench.harness.analyse.ModelExperiment;
import io.execbench.harness.analyse.ScalingExperiment;
import io.execbench.harness.analyse.StartupExperiment;
import io.execbench.harness.analyse.SteadyStates;
import io.execbench.harness.chart.ReportCharts;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.Speedup;
import io.execbench.harness.stats.ThroughputPoint;
import io.execbench.harness.stats.TimeScale;
import io.execbench.harness.write.ReportPage.ExperimentSection;
import io.execbench.harness.write.ReportPage.Figure;
import io.execbench.harness.write.ReportPage.Table;
import io.execbench.harness.write.ReportPage.TableCell;
import io.execbench.harness.write.ReportPage.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The experiment sections of a report: each chart (rendered by {@link ReportCharts}) with the table of the numbers
 * behind it. A section appears only when the run holds its data. Lays out; decides nothing.
 */
final class ExperimentSections {

    private ExperimentSections() {
    }

    static List<ExperimentSection> of(Experiments experiments, ReportCharts charts) {
        List<ExperimentSection> sections = new ArrayList<>();
        if (!experiments.workload().isEmpty()) {
            sections.add(models(experiments.workload(), charts.workload(), "workload", "Your workload", List.of(
                    "Your own task (the class in each chart's title) run inline and in each execution model, at the "
                            + "sizes calibrated to about 1 us, 10 us, 100 us, 1 ms and 10 ms per call. Read as the "
                            + "execution models below; its per-call latency is in Latency distributions "
                            + "(WorkloadLatencyBenchmark).")));
        }
        if (!experiments.latency().isEmpty()) {
            sections.add(latency(experiments.latency(), charts.latency()));
        }
        if (!experiments.models().isEmpty()) {
            sections.add(models(experiments.models(), charts.models(), "models", "Execution models", List.of(
                    "The same tasks run inline and in each execution model. Throughput is benchmark calls per second "
                            + "(1 / JMH's time per call, interval ends swapped). Speedup is inline's time over the "
                            + "model's, its interval propagated on the log scale. The break-even is the smallest task "
                            + "size from which on every measured size's speedup interval lies above 1.")));
        }
        if (!experiments.ipc().isEmpty()) {
            sections.add(ipc(experiments.ipc(), charts.ipc(), experiments.floor(), experiments.steady()));
        }
        if (!experiments.scaling().isEmpty()) {
            sections.add(scaling(experiments.scaling(), charts.scaling()));
        }
        if (!experiments.server().isEmpty()) {
            sections.add(ServerSection.of(experiments.server(), charts.server()));
        }
        if (!experiments.startup().isEmpty()) {
            sections.add(startup(experiments.startup(), experiments.launchNotes(), charts.startup()));
        }
        if (!experiments.faults().isEmpty()) {
            sections.add(faults(experiments.faults()));
        }
        if (!experiments.memory().isEmpty()) {
            sections.add(memory(experiments.memory(), charts.memory()));
        }
        return sections;
    }

    private static ExperimentSection memory(MemoryExperiment memory, String chart) {
        double mib = 1 << 20;
        double kib = 1 << 10;
        List<TableRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (MemoryExperiment.Unit unit : memory.units()) {
            MemoryExperiment.Capacity first = unit.capacities().isEmpty() ? null : unit.capacities().getFirst();
            rows.add(new TableRow("result", Tables.row(Tables.text(unit.unit()),
                    fitCell(unit.rss(), true, mib), fitCell(unit.rss(), false, kib),
                    fitCell(unit.pss(), true, mib), fitCell(unit.pss(), false, kib),
                    unit.fitsInOneGiB() == null ? Tables.text("-") : Tables.estimate(unit.fitsInOneGiB()),
                    first == null ? Tables.text("-") : Tables.text(String.format(java.util.Locale.ROOT, "%,d (%s)",
                            first.units(), first.limit())),
                    Tables.text(unit.forks() + " fork" + (unit.forks() == 1 ? "" : "s") + ", counts "
                            + unit.points().stream().mapToLong(MemoryExperiment.Point::count).min().orElse(0) + " to "
                            + unit.points().stream().mapToLong(MemoryExperiment.Point::count).max().orElse(0)))));
            if (unit.capacities().size() > 1) {
                notes.add("Limits for " + unit.unit() + ", fewest units first: " + String.join("; ", unit.capacities()
                        .stream().map(c -> String.format(java.util.Locale.ROOT, "%s %,d", c.limit(), c.units()))
                        .toList()) + ".");
            }
            unit.stops().forEach(stop -> notes.add("The " + unit.unit() + " sweep's " + stop
                    + " (checked before the step, so the machine was not pushed to the limit)."));
        }
        notes.addFirst("Resident (RSS) and proportional (PSS) memory of JVMs holding a number of parked units: platform "
                + "threads or virtual threads in one JVM (a fresh JVM per count, read after a full GC), or that many "
                + "JVMs, every unit waiting in CountDownLatch.await(). Fixed and per-unit parts come from a least-squares "
                + "fit of memory = fixed + perUnit x count over every fork's counts, on relative residuals, with 95% "
                + "intervals. PSS shares each page among the processes mapping it (the JVMs of a step, the JMH fork, "
                + "any other JVM of the same JDK): for JVMs it is the fair figure, RSS counts the shared libraries in "
                + "every one. Neither includes kernel memory (a platform thread's kernel stack). Fits in 1 GiB: 1 GiB "
                + "over the PSS per unit. First limit: the fewest units any limit of this machine allows (its memory "
                + "over the PSS per unit, or threads-max, pids.max, RLIMIT_NPROC and max_map_count over the threads "
                + "and mappings each unit added).");
        Table table = new Table(List.of("unit", "RSS fixed (MiB) [95%]", "RSS per unit (KiB) [95%]",
                "PSS fixed (MiB) [95%]", "PSS per unit (KiB) [95%]", "fit in 1 GiB (PSS) [95%]",
                "first limit: units (which)", "measured"), rows);
        return new ExperimentSection("memory", "Memory per unit of concurrency", notes,
                List.of(new Figure(chart, false, table)));
    }

    private static TableCell fitCell(MemoryExperiment.Fit fit, boolean fixed, double divisor) {
        if (fit == null) {
            return Tables.text("one count only");
        }
        return Tables.estimate(fixed ? fit.fixedBytes() : fit.perUnitBytes(), divisor);
    }

    private static ExperimentSection faults(FaultExperiment faults) {
        List<Figure> figures = new ArrayList<>();
        if (!faults.cells().isEmpty()) {
            List<String> headers = new ArrayList<>(List.of("model"));
            headers.addAll(faults.faults());
            List<TableRow> rows = new ArrayList<>();
            for (String model : faults.models()) {
                List<TableCell> cells = new ArrayList<>(List.of(Tables.text(model)));
                for (String fault : faults.faults()) {
                    cells.add(Tables.text(faults.cell(model, fault).map(c -> c.outcome()
                            + (c.agreeing() < c.forks() ? " (" + (c.forks() - c.agreeing()) + " of " + c.forks()
                                    + " forks differ)" : "")).orElse("-")));
                }
                rows.add(new TableRow("result", cells));
            }
            figures.add(new Figure(null, false, new Table(headers, rows)));
        }
        if (!faults.recoveries().isEmpty()) {
            List<TableRow> rows = new ArrayList<>();
            for (FaultExperiment.Recovery r : faults.recoveries()) {
                rows.add(new TableRow("result", Tables.row(Tables.text(r.fault()),
                        r.score() == null ? Tables.text("-") : Tables.estimate(r.score()),
                        Tables.number(FaultExperiment.Recovery.percentile(r.detectionMs(), 50)),
                        Tables.number(FaultExperiment.Recovery.percentile(r.detectionMs(), 100)),
                        Tables.number(FaultExperiment.Recovery.percentile(r.answerMs(), 50)),
                        Tables.number(FaultExperiment.Recovery.percentile(r.answerMs(), 90)),
                        Tables.number(FaultExperiment.Recovery.percentile(r.answerMs(), 100)),
                        Tables.text(r.otherWorkerSurvived() + " of " + r.crashes()))));
            }
            figures.add(new Figure(null, false, new Table(List.of("fault", "fault to replacement answering (ms) "
                    + "[99.9% CI]", "detection p50 (ms)", "detection max (ms)", "answer p50 (ms)", "answer p90 (ms)",
                    "answer max (ms)", "other worker survived"), rows)));
        }
        return new ExperimentSection("faults", "Fault isolation", List.of(
                "The same faulty task (an uncaught exception, a StackOverflowError, an OutOfMemoryError, System.exit, "
                        + "an endless loop) in a batch of eight, given to each execution model in a sacrificial JVM of "
                        + "its own. Survived: every other task came back with the right checksum; lost N: that many "
                        + "got none; JVM died: the fault ended the JVM and every task in it. With retry: each task "
                        + "without a checksum sent again on its own, twice at most; the faulty task is then reported "
                        + "failed, so every task is accounted for. Unusable after: a clean batch did not complete "
                        + "(an endless loop keeps its thread for good).",
                "Recovery of a pool of two worker JVMs, per crash: the time from sending the faulty task until the "
                        + "failure is detected (a closed pipe, or the reply timeout for a hang) and until a "
                        + "replacement answers; the first column is JMH's SingleShotTime score of the same with its "
                        + "99.9% interval."), figures);
    }

    private static ExperimentSection startup(StartupExperiment startup, List<String> launchNotes, String chart) {
        List<TableRow> rows = new ArrayList<>();
        for (StartupExperiment.Launch launch : startup.launches()) {
            rows.add(new TableRow("result", Tables.row(Tables.text(launch.subject()), Tables.text(launch.until()),
                    Tables.estimate(launch.ms()), Tables.number(launch.p50Ms()), Tables.number(launch.p99Ms()),
                    Tables.count(launch.samples()))));
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(chart, false, new Table(List.of("started", "until", "mean (ms) [99.9% CI]",
                "p50 (ms)", "p99 (ms)", "samples"), rows)));
        if (!startup.tasks().isEmpty() && !startup.compared().isEmpty()) {
            List<String> headers = new ArrayList<>(List.of("task", "task time (ns) [99.9% CI]"));
            startup.compared().forEach(launch -> headers.add("tasks per start-up: " + launch.label() + " [99.9% CI]"));
            List<TableRow> breakRows = new ArrayList<>();
            for (StartupExperiment.Task task : startup.tasks()) {
                List<TableCell> cells = new ArrayList<>(List.of(Tables.text(task.label()), Tables.estimate(task.ns())));
                for (StartupExperiment.Launch launch : startup.compared()) {
                    cells.add(startup.breakEven(launch, task).map(b -> Tables.estimate(b.tasks()))
                            .orElse(Tables.text("-")));
                }
                breakRows.add(new TableRow("result", cells));
            }
            figures.add(new Figure(null, false, new Table(headers, breakRows)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("What starting a process costs: a native program or a JVM started directly (ProcessBuilder, Node's "
                + "execFile) or through /bin/sh -c (Node's exec), with each launch mechanism this JDK accepts, timed "
                + "to the child's first byte on stdout and to its exit; a worker JVM timed to its first reply over a "
                + "pipe or a Unix socket (Node's fork with its channel), per class-data sharing variant; a platform "
                + "thread's start and join for scale. Means carry JMH's 99.9% intervals; p50 and p99 are JMH's "
                + "percentiles of the same samples.");
        notes.add(startup.tasks().isEmpty()
                ? "Break-even of spawn-per-task: not computed, this run has no KernelBenchmark.run task times."
                : "Break-even of spawn-per-task: how many tasks of each kernel and size (KernelBenchmark.run) the "
                        + "cheapest start-up of each kind costs, start-up time over task time with the ratio's 99.9% "
                        + "interval. A task must take longer than that many of these for a process per task to pay.");
        launchNotes.forEach(note -> notes.add("Launch mechanism " + note));
        return new ExperimentSection("processes", "The cost of starting a process", notes, figures);
    }

    private static ExperimentSection latency(List<LatencyGroup> groups, List<String> charts) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            LatencyGroup group = groups.get(i);
            TimeScale scale = ReportCharts.latencyScale(group);
            String svg = charts.get(i);
            List<TableRow> rows = new ArrayList<>();
            for (LatencyGroup.Series series : group.series()) {
                rows.add(new TableRow("result", latencyRow(series.label(), series.merged(), scale)));
                for (int f = 0; f < series.forks().size() && series.forks().size() > 1; f++) {
                    rows.add(new TableRow("fork", latencyRow(series.label() + ", fork " + (f + 1),
                            series.forks().get(f), scale)));
                }
            }
            String unit = " (" + scale.symbol() + ")";
            figures.add(new Figure(svg, true, new Table(List.of("series", "p50" + unit, "p90" + unit, "p99" + unit,
                    "p99.9" + unit, "max" + unit, "count"), rows)));
        }
        return new ExperimentSection("latency", "Latency distributions", List.of(
                "Percentiles from HdrHistograms (3 significant digits) built from JMH SampleTime samples and from the "
                        + "run's latency/*.hlog files. The x axis counts nines: 90%, 99%, 99.9%; the latency axis is "
                        + "logarithmic. Percentiles carry no confidence interval; the per-fork rows show how much "
                        + "they move between JVMs."), figures);
    }

    private static List<TableCell> latencyRow(String label, Histogram histogram, TimeScale scale) {
        LatencySummary s = LatencySummary.of(histogram);
        return Tables.row(Tables.text(label), Tables.number(scale.of(s.p50Ns())), Tables.number(scale.of(s.p90Ns())),
                Tables.number(scale.of(s.p99Ns())), Tables.number(scale.of(s.p999Ns())),
                Tables.number(scale.of(s.maxNs())), Tables.count(s.count()));
    }

    private static ExperimentSection models(ModelExperiment models, List<ReportCharts.ModelCharts> charts,
                                            String anchor, String title, List<String> intro) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < models.sweeps().size(); i++) {
            ModelExperiment.Sweep comparison = models.sweeps().get(i);
            String bars = charts.get(i).throughput();
            List<TableRow> rows = new ArrayList<>();
            for (ModelExperiment.Cell cell : comparison.cells()) {
                rows.add(new TableRow("result", Tables.row(Tables.text(cell.model()),
                        cell.workUnits() == null ? Tables.text("-") : Tables.count(cell.workUnits()),
                        Tables.estimate(cell.callsPerSecond()),
                        cell.speedup() == null ? Tables.text("no inline score") : Tables.estimate(cell.speedup()))));
            }
            figures.add(new Figure(bars, false, new Table(List.of("model", "workUnits",
                    "calls/s [99.9% CI]", "speedup over inline [99.9% CI]"), rows)));
            String speedup = charts.get(i).speedup();
            if (speedup != null) {
                List<TableRow> breakRows = comparison.breakEvens().stream().map(b -> new TableRow("result",
                        Tables.row(Tables.text(b.model()),
                                b.workUnits().isPresent() ? Tables.count(b.workUnits().getAsLong())
                                        : Tables.text("not reached"),
                                b.lastLosingSize().isPresent() ? Tables.count(b.lastLosingSize().getAsLong())
                                        : Tables.text("-")))).toList();
                figures.add(new Figure(speedup, false, new Table(List.of("model", "break-even workUnits",
                        "last size that did not beat inline"), breakRows)));
            }
        }
        return new ExperimentSection(anchor, title, intro, figures);
    }

    private static ExperimentSection ipc(IpcExperiment ipc, List<String> charts, FloorComparison floor,
                                         SteadyStates steady) {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        floor.summary().ifPresent(notes::add);
        steady.summary().ifPresent(notes::add);
        if (!floor.rows().isEmpty()) {
            figures.add(new Figure("", false, floorTable(floor)));
        }
        for (int i = 0; i < ipc.charts().size(); i++) {
            List<IpcExperiment.Curve> curves = ipc.charts().get(i);
            String svg = charts.get(i);
            List<TableRow> rows = new ArrayList<>();
            for (IpcExperiment.Curve curve : curves) {
                for (IpcExperiment.Point point : curve.points()) {
                    rows.add(new TableRow("result", Tables.row(Tables.text(curve.transport()),
                            Tables.count(point.payloadBytes()), Tables.estimate(point.timeNs(), 1e3),
                            point.bytesPerSecond() == null ? Tables.text("-")
                                    : Tables.estimate(point.bytesPerSecond(), 1e6),
                            curve.fit().map(f -> Tables.estimate(f.fixedNs(), 1e3)).orElse(Tables.text("no fit")),
                            curve.fit().map(f -> Tables.estimate(f.perByteNs())).orElse(Tables.text("no fit")))));
                }
            }
            figures.add(new Figure(svg, false, new Table(List.of("transport", "payload (bytes)",
                    "time per message (us) [99.9%]", "MB/s [99.9%]", "fit: fixed (us) [95%]",
                    "fit: per byte (ns) [95%]"), rows)));
        }
        notes.add("Round-trip time and throughput against payload size on log-log axes, one colour per transport. The "
                + "dashed line is a fixed + per-byte model, time = fixed + perByte x bytes, fitted by least squares on "
                + "relative residuals; its parameters carry 95% intervals.");
        return new ExperimentSection("ipc", "IPC transports", notes, figures);
    }

    private static Table floorTable(FloorComparison floor) {
        List<TableRow> rows = new ArrayList<>();
        for (FloorComparison.Row row : floor.rows()) {
            // The two sides' own intervals are in the ratio's; shown alone they would only crowd the table.
            rows.add(new TableRow("result", Tables.row(Tables.text(row.transport()), Tables.count(row.payloadBytes()),
                    Tables.number(row.p50().javaNs().value() / 1e3), Tables.number(row.p50().cNs().value() / 1e3),
                    Tables.estimate(row.p50().ratio()), Tables.number(row.p99().javaNs().value() / 1e3),
                    Tables.number(row.p99().cNs().value() / 1e3), Tables.estimate(row.p99().ratio()),
                    Tables.estimate(row.mean().ratio()))));
        }
        return new Table(List.of("transport", "payload (bytes)", "Java p50 (us)", "C p50 (us)", "p50 Java/C [99.9%]",
                "Java p99 (us)", "C p99 (us)", "p99 Java/C [99.9%]", "mean Java/C [99.9%]"), rows);
    }

    private static ExperimentSection scaling(ScalingExperiment scaling, List<String> charts) {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("Speedup over one thread of the same kernel and placement, from the workUnits counter (kernel "
                + "steps per second summed over workers), with 99.9% intervals. Efficiency is speedup / threads. "
                + "Effective cores is the highest speedup. The USL fit's parameters carry 95% intervals. The USL "
                + "describes threads that each have a CPU, so the model is flat past the usable CPUs (threads beyond "
                + "them time-slice); a residual there is what oversubscription costs beyond that. With one thread "
                + "count above 1 within the CPUs (a 2-CPU machine) coherency κ cannot be told from contention σ and "
                + "is fixed at 0.");
        for (ScalingExperiment.YieldRow row : scaling.yields()) {
            notes.add(row.yield().isPresent()
                    ? "Hyperthread yield, " + row.kernel() + ": a sibling is worth "
                            + Numbers.format(row.yield().get().fractionOfACore() * 100) + "% of a core."
                    : "Hyperthread yield, " + row.kernel() + ": cannot be measured by this run: " + row.reason()
                            + ".");
        }
        for (int i = 0; i < scaling.sweeps().size(); i++) {
            ScalingExperiment.Sweep sweep = scaling.sweeps().get(i);
            String svg = charts.get(i);
            List<TableRow> rows = new ArrayList<>();
            for (Speedup.Point point : sweep.speedups()) {
                ThroughputPoint measured = sweep.points().stream().filter(p -> p.threads() == point.threads())
                        .findFirst().orElseThrow();
                String fitted = sweep.usl().map(f -> Numbers.format(f.predict(point.threads()))).orElse("-");
                rows.add(new TableRow("result", Tables.row(Tables.count(point.threads()),
                        Tables.number(measured.score(), Numbers.format(measured.score()) + " ± "
                                + Numbers.format(measured.scoreError())),
                        Tables.estimate(point.speedup()), Tables.estimate(point.efficiency()),
                        Tables.text(fitted))));
            }
            String usl = sweep.usl().map(f -> "USL: σ = " + Numbers.format(f.sigma().value())
                    + (f.kappaIdentified() ? ", κ = " + Numbers.format(f.kappa().value()) : ", κ not identifiable")
                    + (f.peakThreads() == null ? "" : ", peak at " + Numbers.cpus(f.peakThreads()) + " threads")
                    + ", worst residual " + Numbers.format(f.worstResidualFraction() * 100) + "%")
                    .orElse("no USL fit: " + sweep.uslProblem());
            rows.add(new TableRow("note", Tables.row(Tables.text("effective cores"),
                    Tables.estimate(sweep.effectiveCores()), Tables.text(usl), Tables.text(""), Tables.text(""))));
            figures.add(new Figure(svg, true, new Table(List.of("threads", sweep.unit() + " ± 99.9%",
                    "speedup [99.9%]", "efficiency [99.9%]", "USL fit"), rows)));
        }
        return new ExperimentSection("scaling", "Core and hyperthread scaling", notes, figures);
    }
}
