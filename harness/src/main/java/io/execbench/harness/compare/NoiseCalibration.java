package io.execbench.harness.compare;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Run;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.IterationHistograms;
import io.execbench.harness.stats.Samples;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Learns each benchmark's noise floor from several runs of one build on one machine (an A/A experiment). Per
 * benchmark and metric (the score; the score relative to each machine canary the runs read; for SampleTime
 * p50, p99 and p99.9), each run gives one value, and the spread of their logarithms between runs, {@code s}, is what
 * the machine does to that number with no change to the code. Two future runs differ by about {@code sqrt(2) s}
 * (both vary), so the floor is the change two runs of one build stay within 99 times in 100:
 * {@code exp(2.576 * sqrt(2) * s) - 1}, and never less than the largest difference actually seen between two of the
 * calibration runs. Pure.
 *
 * <p>Why not the largest difference alone: among five runs it is about 2.3 standard deviations of one run, while two
 * runs differ by more than that one time in ten; over a hundred benchmarks that is ten false alarms a night. The
 * estimate of {@code s} from a few runs is itself uncertain: five or more runs give a floor worth trusting.
 */
public final class NoiseCalibration {

    /** Metrics calibrated besides the score, with their quantiles (the comparison uses the same names). */
    private static final Map<String, Double> PERCENTILES = Map.of("p50", 0.5, "p99", 0.99, "p99.9", 0.999);

    /** The two-sided 99% normal quantile: the floor is a 99% bound on the difference between two runs. */
    static final double Z_99 = 2.576;

    private NoiseCalibration() {
    }

    /**
     * The noise model of {@code runs} (at least two, all with the same machine fingerprint and profile, which the
     * caller checks).
     */
    public static NoiseModel learn(List<Run> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("calibration needs at least two runs of the same build, got "
                    + runs.size());
        }
        // Benchmark, then metric, to the logarithm of its value in each run that has it, in the first run's unit.
        Map<String, Map<String, List<Double>>> logs = new TreeMap<>();
        Map<BenchmarkKey, BenchmarkResult> first = byKey(runs.getFirst());
        for (Run run : runs) {
            byKey(run).forEach((key, result) -> {
                BenchmarkResult reference = first.getOrDefault(key, result);
                values(reference, result).forEach((metric, value) -> logs
                        .computeIfAbsent(key.fullLabel(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(metric, m -> new ArrayList<>()).add(Math.log(value)));
            });
        }
        Map<String, Map<String, Double>> floors = new TreeMap<>();
        logs.forEach((benchmark, metrics) -> metrics.forEach((metric, values) -> {
            if (values.size() >= 2) {
                floors.computeIfAbsent(benchmark, k -> new LinkedHashMap<>()).put(metric, floor(values));
            }
        }));
        Run firstRun = runs.getFirst();
        List<String> ids = new ArrayList<>(runs.stream().map(Run::id).toList());
        return new NoiseModel(firstRun.info().machineFingerprint(), firstRun.info().profile().name(), ids, floors);
    }

    /** The floor of one metric from its logarithms in two or more runs (the class comment's rule). */
    static double floor(List<Double> logs) {
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = logs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (logs.size() - 1));
        double range = logs.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - logs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return Math.exp(Math.max(Z_99 * Math.sqrt(2) * sd, range)) - 1;
    }

    /**
     * Metric to value of {@code result}, in the unit of {@code reference} (the same benchmark in the first run); empty
     * when the units cannot be converted.
     */
    static Map<String, Double> values(BenchmarkResult reference, BenchmarkResult result) {
        Map<String, Double> values = new LinkedHashMap<>();
        OptionalDouble factor = Units.factor(result.primaryMetric().scoreUnit(), reference.primaryMetric().scoreUnit());
        if (factor.isEmpty()) {
            return values;
        }
        Samples scores = Samples.of(result.primaryMetric(), factor.getAsDouble());
        put(values, "score", scores.median());
        Direction direction = Direction.of(reference.mode(), reference.primaryMetric().scoreUnit());
        for (String canary : CanaryRelative.CANARIES) {
            CanaryRelative.samples(result, scores, direction, canary)
                    .ifPresent(relative -> put(values, CanaryRelative.metric(canary), relative.median()));
        }
        if (!result.primaryMetric().rawDataHistogram().isEmpty()) {
            IterationHistograms latency = IterationHistograms.of(result.primaryMetric(), factor.getAsDouble());
            new TreeMap<>(PERCENTILES).forEach((metric, q) -> put(values, metric, latency.quantile(q)));
        }
        return values;
    }

    private static void put(Map<String, Double> values, String metric, double value) {
        if (Double.isFinite(value) && value > 0) {
            values.put(metric, value);
        }
    }

    private static Map<BenchmarkKey, BenchmarkResult> byKey(Run run) {
        Map<BenchmarkKey, BenchmarkResult> byKey = new TreeMap<>();
        TrackedResults.of(run).forEach(result -> byKey.putIfAbsent(BenchmarkKey.of(result), result));
        return byKey;
    }
}
