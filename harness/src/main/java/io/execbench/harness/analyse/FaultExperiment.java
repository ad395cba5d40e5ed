package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.FaultLog;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fault isolation: the survival table (execution model x fault, from the run's {@code faults/} logs) and, per fault,
 * how a pool of worker JVMs recovered: JMH's score of {@code FaultIsolationBenchmark.recover} (fault to a
 * replacement's first answer, mean with its 99.9% interval) and the logged detection and answer times of every crash.
 * Where several forks logged the same cell, the first log (by file name) is shown and the others are counted as
 * agreeing or not.
 *
 * @param models     models in report order (inline, pools, virtual, processes), then any other
 * @param faults     faults in report order (exception, stackOverflow, outOfMemory, exit, loop), then any other
 * @param cells      one per logged (model, fault)
 * @param recoveries one per fault with crashes or a recover score
 */
public record FaultExperiment(List<String> models, List<String> faults, List<Cell> cells, List<Recovery> recoveries) {

    static final List<String> MODEL_ORDER = List.of("inline", "fixedPool", "forkJoin", "virtual", "processes");
    static final List<String> FAULT_ORDER = List.of("exception", "stackOverflow", "outOfMemory", "exit", "loop");
    static final String PROCESSES = "processes";

    public FaultExperiment {
        models = List.copyOf(models);
        faults = List.copyOf(faults);
        cells = List.copyOf(cells);
        recoveries = List.copyOf(recoveries);
    }

    /**
     * One model under one fault.
     *
     * @param logged    the first fork's cell
     * @param forks     how many forks logged this cell
     * @param agreeing  how many of them found the same outcome
     */
    public record Cell(String model, String fault, FaultLog.Cell logged, int forks, int agreeing) {

        /** The table's words: survived, lost N, JVM died; then what the retry policy and a clean batch showed. */
        public String outcome() {
            FaultLog.Cell c = logged;
            if (!c.jvmSurvived()) {
                return "JVM died (exit " + c.exitStatus() + "): lost all " + c.innocentTasks();
            }
            StringBuilder text = new StringBuilder(c.lost() == 0 ? "survived" : "lost " + c.lost() + " of "
                    + c.innocentTasks());
            if (c.lost() > 0) {
                text.append(c.lostAfterRetry() == 0 ? "; none with retry" : "; " + c.lostAfterRetry()
                        + " with retry");
            }
            if (Boolean.FALSE.equals(c.otherWorkerSurvived())) {
                text.append("; the other worker was killed too");
            }
            if (!c.usable()) {
                text.append("; unusable after");
            }
            return text.toString();
        }
    }

    /**
     * How a worker pool came back from one fault.
     *
     * @param score               JMH's recover score in ms with its 99.9% interval, or null when not in jmh.json
     * @param detectionMs         each crash's detection time, ascending
     * @param answerMs            each crash's time to a replacement's first answer, ascending
     * @param otherWorkerSurvived crashes after which the other worker was the same process
     */
    public record Recovery(String fault, Estimate score, double[] detectionMs, double[] answerMs,
                           int otherWorkerSurvived) {

        public int crashes() {
            return detectionMs.length;
        }

        /** The {@code p}-th percentile (0..100) of {@code sorted}, nearest rank; NaN when empty. */
        public static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
        }
    }

    public boolean isEmpty() {
        return cells.isEmpty() && recoveries.isEmpty();
    }

    /** The cell of {@code model} under {@code fault}, if logged. */
    public Optional<Cell> cell(String model, String fault) {
        return cells.stream().filter(c -> c.model().equals(model) && c.fault().equals(fault)).findFirst();
    }

    public static FaultExperiment of(List<FaultLog> logs, List<BenchmarkResult> results) {
        Map<String, List<FaultLog.Cell>> byCell = new LinkedHashMap<>();
        Map<String, List<FaultLog.Recovery>> crashes = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (FaultLog log : logs) {
            add(faults, log.fault());
            for (FaultLog.Cell cell : log.cells()) {
                add(models, cell.model());
                byCell.computeIfAbsent(cell.model() + "\u0000" + log.fault(), k -> new ArrayList<>()).add(cell);
            }
            crashes.computeIfAbsent(log.fault(), f -> new ArrayList<>()).addAll(log.recoveries());
        }
        Map<String, Estimate> scores = new LinkedHashMap<>();
        for (BenchmarkResult result : results) {
            String fault = result.params().get("fault");
            OptionalDouble nanos = Units.nanosPer(result.primaryMetric().scoreUnit());
            if (result.benchmark().endsWith("FaultIsolationBenchmark.recover") && fault != null && nanos.isPresent()) {
                add(faults, fault);
                Estimate ms = Scores.estimate(result.primaryMetric(), nanos.getAsDouble() / 1e6);
                scores.put(fault, ms.hasInterval() && ms.low() < 0
                        ? new Estimate(ms.value(), 0, ms.high(), ms.confidence()) : ms); // no time below zero
            }
        }
        models.sort(Comparator.comparingInt(m -> order(MODEL_ORDER, m)));
        faults.sort(Comparator.comparingInt(f -> order(FAULT_ORDER, f)));
        List<Cell> cells = new ArrayList<>();
        for (String model : models) {
            for (String fault : faults) {
                List<FaultLog.Cell> logged = byCell.get(model + "\u0000" + fault);
                if (logged != null) {
                    FaultLog.Cell first = logged.getFirst();
                    int agreeing = (int) logged.stream().filter(c -> sameOutcome(c, first)).count();
                    cells.add(new Cell(model, fault, first, logged.size(), agreeing));
                }
            }
        }
        List<Recovery> recoveries = new ArrayList<>();
        for (String fault : faults) {
            List<FaultLog.Recovery> logged = crashes.getOrDefault(fault, List.of());
            if (logged.isEmpty() && !scores.containsKey(fault)) {
                continue;
            }
            double[] detection = logged.stream().mapToDouble(FaultLog.Recovery::detectionMs).sorted().toArray();
            double[] answer = logged.stream().mapToDouble(FaultLog.Recovery::answerMs).sorted().toArray();
            int survived = (int) logged.stream().filter(FaultLog.Recovery::otherWorkerSurvived).count();
            recoveries.add(new Recovery(fault, scores.get(fault), detection, answer, survived));
        }
        return new FaultExperiment(models, faults, cells, recoveries);
    }

    private static boolean sameOutcome(FaultLog.Cell a, FaultLog.Cell b) {
        return a.jvmSurvived() == b.jvmSurvived() && a.lost() == b.lost() && a.lostAfterRetry() == b.lostAfterRetry()
                && a.usable() == b.usable() && java.util.Objects.equals(a.otherWorkerSurvived(), b.otherWorkerSurvived());
    }

    private static void add(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    private static int order(List<String> known, String name) {
        int index = known.indexOf(name);
        return index < 0 ? known.size() : index;
    }
}
