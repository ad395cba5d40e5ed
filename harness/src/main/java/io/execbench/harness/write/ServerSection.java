package io.execbench.harness.write;

import io.execbench.harness.analyse.Answers;
import io.execbench.harness.analyse.ServerCapacity;
import io.execbench.harness.analyse.ServerExperiment;
import io.execbench.harness.analyse.Text;
import io.execbench.harness.chart.ServerCharts;
import io.execbench.harness.read.AbCheck;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.write.ReportPage.ExperimentSection;
import io.execbench.harness.write.ReportPage.Figure;
import io.execbench.harness.write.ReportPage.Table;
import io.execbench.harness.write.ReportPage.TableCell;
import io.execbench.harness.write.ReportPage.TableRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The "Server under load" section: the answer first, then the latency against offered load, the percentile curves
 * at the shared rate, the sustainable throughput, the capacity for heavy requests, the blocking probe, the loop's lag
 * and the ab cross-check, each with its table, then how it was measured. Lays out; every number and rule comes from
 * {@link ServerExperiment}.
 */
final class ServerSection {

    static final String ANCHOR = "server";

    private ServerSection() {
    }

    static ExperimentSection of(ServerExperiment server, ServerCharts charts) {
        List<String> notes = new ArrayList<>();
        Answers.server(server).map(a -> a.answered() ? a.answer() + " " + a.number() + "." : a.unanswered())
                .ifPresent(notes::add);
        server.capacity().processes().forEach(s -> notes.add("Processes, capacity for heavy requests: processes-"
                + s.processes() + " completes " + Text.estimate(s.many().perSec()) + " heavy requests/s, processes-1 "
                + Text.estimate(s.one().perSec()) + ": " + Text.estimate(s.ratio()) + " x (99.9%)."));
        server.scaling().forEach(s -> notes.add("Processes at " + percent(s.share()) + " heavy: processes-2 sustains "
                + s.two().sustainableText() + ", processes-1 " + s.one().sustainableText() + "; "
                + Numbers.estimate(s.ratio(), 1, "") + " x, a range from the ladder's steps, not a confidence "
                + "interval."));
        notes.add("Sustainable: the server completed at least " + Text.percent(ServerExperiment.ACHIEVED_SHARE)
                + " of the offered rate, errors and timeouts stayed within " + Text.percent(ServerExperiment.ERROR_SHARE)
                + " of the requests, and the overall p99 (the larger of the routes') within the run's p99 bound. A "
                + "sustainable throughput is the highest offered rate that passed; rates are on a ladder, so the truth "
                + "lies between it and the next rate. The shared rate, where models are compared: "
                + (server.shared().present() ? ServerExperiment.rate(server.shared().perSec()) + " req/s, "
                        + server.shared().how() + "." : server.shared().how()));
        if (!server.capacity().setups().isEmpty()) {
            notes.add("Capacity for heavy requests: every connection always has one heavy request outstanding (a "
                    + "closed loop, heavy route only), what ab -c on the heavy route shows. The capacity is the mean "
                    + "of the whole intervals (" + ServerExperiment.rate(server.capacity().setups().getFirst().config()
                    .run().capacity().intervalMs()) + " ms) that start at "
                    + "least one round trip (connections / rate) after the warm-up, with the 99.9% interval of that "
                    + "mean: in the first round trip only requests sent during the warm-up come back, and they are "
                    + "not counted. The whole run's rate counts that round trip as measured time, so it is lower.");
        }
        server.warnings().forEach(w -> notes.add("Left out: " + w));
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < server.shares().size(); i++) {
            figures.add(new Figure(charts.load().get(i), false, loadTable(server, server.shares().get(i))));
        }
        if (server.shared().present()) {
            figures.add(new Figure(charts.percentiles() == null ? "" : charts.percentiles(), false,
                    percentileTable(server)));
        }
        figures.add(new Figure("", false, sustainableTable(server)));
        if (!server.capacity().setups().isEmpty()) {
            figures.add(new Figure("", false, capacityTable(server.capacity())));
        }
        if (charts.probe() != null) {
            figures.add(new Figure(charts.probe(), false, probeTable(server)));
            figures.add(new Figure("", false, lagTable(server)));
        }
        server.ab().ifPresent(ab -> {
            if (ab.available()) {
                figures.add(new Figure("", false, abTable(ab)));
                figures.add(new Figure("", false, abPercentiles(ab)));
            }
        });
        notes.addAll(method(server));
        return new ExperimentSection(ANCHOR, "Server under load", notes, figures);
    }

    private static List<String> method(ServerExperiment server) {
        List<String> notes = new ArrayList<>();
        Optional<ServerRun> first = server.configs().stream().map(ServerExperiment.Config::run).findFirst();
        first.ifPresent(run -> notes.add("How: one HTTP handler with a cheap route (microseconds) and a heavy one ("
                + run.heavyKernel() + ", " + Numbers.format(run.heavyMs()) + " ms of CPU alone) served by each model; "
                + "an open-loop generator offers a ladder of rates over " + run.connections() + " connections and "
                + "times each request from its intended start, so a stalled server is charged for the requests it "
                + "kept waiting (no coordinated omission). The generator runs on the same machine: CPUs "
                + cpus(run.generatorCpus()) + " against the server's " + cpus(run.serverCpus())
                + (run.pinned() ? " (pinned)" : " (not pinned)") + "; its CPU time per step is in the tables."));
        notes.add("processes-N are N server processes sharing one port with SO_REUSEPORT: the kernel spreads "
                + "connections between them. Node's cluster module does it differently by default: a master process "
                + "accepts connections and hands them round-robin to its workers.");
        server.ab().filter(ab -> !ab.available())
                .ifPresent(ab -> notes.add("ab cross-check: not run: " + ab.reason()));
        server.ab().filter(AbCheck::available).ifPresent(ab -> notes.add("ab cross-check: ab -k -n " + ab.requests()
                + " -c " + ab.concurrency() + " against " + ab.label() + ", beside this project's closed-loop "
                + "generator with the same connections. On the heavy route the server sets the pace and the two should "
                + "agree; on the cheap route one event loop answers faster than either client sends, so the figures "
                + "compare the clients (ab is one thread too). ab without -k is the note's own command (a connection "
                + "per request). Then ab's percentiles beside the open-loop generator's at the same throughput: the "
                + "coordinated omission difference, since a closed loop sends no request while its connections wait."));
        Map<String, List<String>> byNote = new java.util.LinkedHashMap<>();
        server.configs().forEach(c -> c.run().notes().forEach(n -> byNote.computeIfAbsent(n, k -> new ArrayList<>())
                .add(c.label())));
        byNote.forEach((note, labels) -> notes.add((labels.size() == server.configs().size() && labels.size() > 1
                ? "Every configuration" : String.join(", ", labels)) + ": " + note));
        return notes;
    }

    private static Table loadTable(ServerExperiment server, double share) {
        List<TableRow> rows = new ArrayList<>();
        for (ServerExperiment.Config config : server.configs()) {
            for (ServerExperiment.Point point : config.mix(share).map(ServerExperiment.Mix::points).orElse(List.of())) {
                ServerRun.Step step = point.step();
                ServerRun.Route cheap = step.cheap();
                ServerRun.Route heavy = step.routes().get(ServerRun.HEAVY);
                rows.add(new TableRow(point.sustainable() ? "result" : "fork", Tables.row(Tables.text(config.label()),
                        rate(step.offeredPerSec()), rate(step.achievedPerSec()),
                        ms(cheap == null ? Double.NaN : cheap.p50Us()), ms(cheap == null ? Double.NaN : cheap.p99Us()),
                        ms(cheap == null ? Double.NaN : cheap.p999Us()), ms(heavy == null ? Double.NaN : heavy.p99Us()),
                        Double.isNaN(step.generatorCpuMs()) ? Tables.text("-") : Tables.number(step.generatorCpuMs()),
                        Tables.text(point.sustainable() ? "yes" : "no: " + point.failure()))));
            }
        }
        return new Table(List.of("model", "offered (req/s)", "achieved (req/s)", "cheap p50 (ms)", "cheap p99 (ms)",
                "cheap p99.9 (ms)", "heavy p99 (ms)", "generator CPU (ms)", "sustainable"), rows);
    }

    private static Table percentileTable(ServerExperiment server) {
        List<TableRow> rows = new ArrayList<>();
        for (ServerExperiment.Config config : server.configs()) {
            Optional<ServerExperiment.Probe> probe = server.probe(config.label(), ServerExperiment.SHARED_MIX)
                    .filter(p -> p.point() != null);
            if (probe.isEmpty()) {
                rows.add(new TableRow("note", Tables.row(Tables.text(config.label()), Tables.text("not run at this "
                        + "rate"), Tables.text(""), Tables.text(""), Tables.text(""), Tables.text(""))));
                continue;
            }
            ServerRun.Step step = probe.get().point().step();
            Optional<LatencyLog.Tagged> cheap = server.log(step).flatMap(log -> log.series().stream()
                    .filter(t -> t.tag().equals(ServerRun.CHEAP)).findFirst());
            if (cheap.isEmpty()) {
                rows.add(new TableRow("note", Tables.row(Tables.text(config.label()), Tables.text(step.hlog() == null
                        ? "no interval log named" : "no interval log: latency/" + step.hlog() + " is absent or "
                        + "unreadable"), Tables.text(""), Tables.text(""), Tables.text(""), Tables.text(""))));
                continue;
            }
            org.HdrHistogram.Histogram h = cheap.get().histogram();
            rows.add(new TableRow("result", Tables.row(Tables.text(config.label()), Tables.count(h.getTotalCount()),
                    ms(h.getValueAtPercentile(50) / 1000.0), ms(h.getValueAtPercentile(99) / 1000.0),
                    ms(h.getValueAtPercentile(99.9) / 1000.0), ms(h.getMaxValue() / 1000.0))));
        }
        return new Table(List.of("model (cheap route, 1% heavy)", "requests", "p50 (ms)", "p99 (ms)", "p99.9 (ms)",
                "max (ms)"), rows);
    }

    private static Table sustainableTable(ServerExperiment server) {
        List<String> headers = new ArrayList<>(List.of("model"));
        server.shares().forEach(s -> headers.add("sustainable at " + percent(s) + " heavy (req/s)"));
        List<TableRow> rows = new ArrayList<>();
        for (ServerExperiment.Config config : server.configs()) {
            List<TableCell> cells = new ArrayList<>(List.of(Tables.text(config.label())));
            for (double share : server.shares()) {
                cells.add(config.mix(share).map(m -> Tables.number(Double.isNaN(m.sustainablePerSec()) ? 0
                        : m.sustainablePerSec(), m.sustainableText())).orElse(Tables.text("-")));
            }
            rows.add(new TableRow("result", cells));
        }
        return new Table(headers, rows);
    }

    private static Table capacityTable(ServerCapacity capacity) {
        List<TableRow> rows = new ArrayList<>();
        for (ServerCapacity.Setup setup : capacity.setups()) {
            ServerRun.Capacity measured = setup.measured();
            rows.add(new TableRow("result", Tables.row(Tables.text(setup.label()), Tables.estimate(setup.perSec()),
                    setup.overEventLoop() == null ? Tables.text(setup.config().run().model().equals("eventLoop")
                            ? "1 (the reference)" : "-") : Tables.estimate(setup.overEventLoop()),
                    Tables.number(measured.requestsPerSec()),
                    Tables.text(setup.steady().size() + " of " + measured.intervalPerSec().size()),
                    Tables.count(measured.errors() + measured.timeouts()))));
        }
        List<Integer> connections = capacity.setups().stream().map(s -> s.measured().connections()).distinct()
                .toList();
        return new Table(List.of("Capacity for heavy requests (closed loop, " + (connections.size() == 1
                        ? connections.getFirst() + " connections" : "connections as each file says")
                        + ", heavy route only)", "heavy requests/s [99.9% CI]", "relative to eventLoop [99.9% CI]",
                "whole run (req/s)", "intervals used", "errors + timeouts"), rows);
    }

    private static Table probeTable(ServerExperiment server) {
        List<TableRow> rows = new ArrayList<>();
        for (ServerExperiment.Probe probe : server.probes()) {
            String label = probe.config().label();
            if (probe.point() == null) {
                String stop = probe.config().mix(probe.share()).map(m -> "not run: the sweep stopped at "
                        + ServerExperiment.rate(m.points().getLast().step().offeredPerSec()) + " req/s")
                        .orElse("not run at this share");
                rows.add(new TableRow("note", Tables.row(Tables.text(label), Tables.text(percent(probe.share())),
                        Tables.text(stop), Tables.text(""), Tables.text(""), Tables.text(""))));
                continue;
            }
            Estimate p99 = probe.cheapP99Us();
            rows.add(new TableRow(probe.point().sustainable() ? "result" : "fork", Tables.row(Tables.text(label),
                    Tables.text(percent(probe.share())), p99 == null ? Tables.text("-") : Tables.estimate(p99, 1000),
                    ms(probe.point().step().cheap() == null ? Double.NaN : probe.point().step().cheap().p99Us()),
                    probe.eventLoopOver() == null ? Tables.text("-") : Tables.estimate(probe.eventLoopOver()),
                    Tables.text(probe.point().sustainable() ? "yes" : "no: " + probe.point().failure()))));
        }
        return new Table(List.of("model", "heavy", "cheap p99 (ms) [99.9% CI]",
                "cheap p99, whole step (ms)", "eventLoop / model [99.9% CI]", "sustainable"), rows);
    }

    private static Table lagTable(ServerExperiment server) {
        List<TableRow> rows = new ArrayList<>();
        for (ServerExperiment.Probe probe : server.probes()) {
            if (probe.point() == null || probe.point().step().loopLag() == null) {
                continue;
            }
            ServerRun.LoopLag lag = probe.point().step().loopLag();
            rows.add(new TableRow("result", Tables.row(Tables.text(probe.config().label()),
                    Tables.text(percent(probe.share())), Tables.count(lag.count()), ms(lag.p50Us()), ms(lag.p99Us()),
                    ms(lag.p999Us()), ms(lag.maxUs()))));
        }
        return new Table(List.of("event loop lag at the shared rate", "heavy", "samples", "p50 (ms)", "p99 (ms)",
                "p99.9 (ms)", "max (ms)"), rows);
    }

    private static Table abTable(AbCheck ab) {
        List<TableRow> rows = new ArrayList<>(comparison("cheap route, ", ab.ab(), ab.closedLoop()));
        if (ab.heavy() != null) {
            rows.addAll(comparison("heavy route (" + ab.heavy().requests() + " requests), ", ab.heavy().ab(),
                    ab.heavy().closedLoop()));
        }
        if (ab.noKeepAlive() != null) {
            rows.add(new TableRow("result", Tables.row(Tables.text("cheap route without -k (a connection per "
                    + "request), requests/s"), Tables.number(ab.noKeepAlive().requestsPerSec()), Tables.text("-"),
                    Tables.text("-"))));
            rows.add(new TableRow("result", Tables.row(Tables.text("cheap route without -k, mean (ms)"),
                    Tables.number(ab.noKeepAlive().meanMs()), Tables.text("-"), Tables.text("-"))));
        }
        return new Table(List.of("ab -k -n " + ab.requests() + " -c " + ab.concurrency() + " against " + ab.label(),
                "ab", "closed loop (this project)", "difference (ab over closed loop)"), rows);
    }

    private static List<TableRow> comparison(String what, AbCheck.Ab ab, AbCheck.ClosedLoop closed) {
        return List.of(
                new TableRow("result", Tables.row(Tables.text(what + "requests/s"), Tables.number(ab.requestsPerSec()),
                        Tables.number(closed.requestsPerSec()),
                        difference(ab.requestsPerSec(), closed.requestsPerSec()))),
                new TableRow("result", Tables.row(Tables.text(what + "mean (ms)"), Tables.number(ab.meanMs()),
                        Tables.number(closed.meanMs()), difference(ab.meanMs(), closed.meanMs()))));
    }

    private static Table abPercentiles(AbCheck ab) {
        TreeSet<String> keys = new TreeSet<>(Comparator.comparingDouble(Double::parseDouble));
        keys.addAll(ab.ab().percentilesMs().keySet());
        keys.addAll(ab.openLoop().percentilesMs().keySet());
        List<TableRow> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new TableRow("result", Tables.row(Tables.number(Double.parseDouble(key), key + "%"),
                    value(ab.ab().percentilesMs(), key), value(ab.openLoop().percentilesMs(), key))));
        }
        return new Table(List.of("percentile", "ab, closed loop (ms)", "open loop at "
                + ServerExperiment.rate(ab.openLoop().achievedPerSec()) + " req/s (ms)"), rows);
    }

    private static TableCell value(Map<String, Double> values, String key) {
        Double value = values.get(key);
        return value == null ? Tables.text("-") : Tables.number(value);
    }

    private static TableCell difference(double a, double b) {
        double percent = b > 0 ? (a / b - 1) * 100 : Double.NaN;
        return Tables.number(percent, String.format(Locale.ROOT, "%+.1f%%", percent));
    }

    private static TableCell rate(double perSec) {
        return Tables.number(perSec, ServerExperiment.rate(perSec));
    }

    private static TableCell ms(double us) {
        return Double.isNaN(us) ? Tables.text("-") : Tables.number(us / 1000);
    }

    private static String cpus(List<Integer> cpus) {
        return cpus.isEmpty() ? "any" : cpus.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }

    private static String percent(double share) {
        return ServerExperiment.share(share);
    }
}
