package io.execbench.harness.history;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.CanaryRelative;
import io.execbench.harness.compare.Direction;
import io.execbench.harness.compare.IterationHistograms;
import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.compare.Samples;
import io.execbench.harness.compare.Units;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Learns each benchmark's noise floor from several runs of one build on one machine (an A/A experiment): for every
 * pair of runs, the ratio of their medians (relative to the machine canary too, where both runs read it beside each
 * iteration; and, for SampleTime, of their p50, p99 and p99.9), and as floor the
 * largest relative difference seen, {@code max(r, 1/r) - 1}. A difference that large happened with no change to the
 * code, so the comparison will not call one that size a regression. Pure.
 *
 * <p>The largest of a few pairs underestimates the true spread: five or more runs give a floor worth trusting.
 */
public final class NoiseCalibration {

    /** Metrics calibrated besides the score, with their quantiles (the comparison uses the same names). */
    private static final Map<String, Double> PERCENTILES = Map.of("p50", 0.5, "p99", 0.99, "p99.9", 0.999);

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
        Map<String, Map<String, Double>> floors = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                Map<BenchmarkKey, BenchmarkResult> a = byKey(runs.get(i));
                Map<BenchmarkKey, BenchmarkResult> b = byKey(runs.get(j));
                a.forEach((key, x) -> {
                    BenchmarkResult y = b.get(key);
                    if (y != null) {
                        differences(x, y).forEach((metric, difference) -> floors
                                .computeIfAbsent(key.fullLabel(), k -> new LinkedHashMap<>())
                                .merge(metric, difference, Math::max));
                    }
                });
            }
        }
        Run first = runs.getFirst();
        List<String> ids = new ArrayList<>(runs.stream().map(Run::id).toList());
        return new NoiseModel(first.info().machineFingerprint(), first.info().profile().name(), ids, floors);
    }

    /** Metric to relative difference between two results of one benchmark; empty when they cannot be compared. */
    static Map<String, Double> differences(BenchmarkResult x, BenchmarkResult y) {
        Map<String, Double> differences = new LinkedHashMap<>();
        OptionalDouble factor = Units.factor(x.primaryMetric().scoreUnit(), y.primaryMetric().scoreUnit());
        if (factor.isEmpty()) {
            return differences;
        }
        Samples sx = Samples.of(x.primaryMetric(), factor.getAsDouble());
        Samples sy = Samples.of(y.primaryMetric(), 1);
        put(differences, "score", sx.median(), sy.median());
        Direction direction = Direction.of(y.mode(), y.primaryMetric().scoreUnit());
        Optional<Samples> rx = CanaryRelative.samples(x, sx, direction);
        Optional<Samples> ry = CanaryRelative.samples(y, sy, direction);
        if (rx.isPresent() && ry.isPresent()) {
            put(differences, CanaryRelative.METRIC, rx.get().median(), ry.get().median());
        }
        if (!x.primaryMetric().rawDataHistogram().isEmpty() && !y.primaryMetric().rawDataHistogram().isEmpty()) {
            IterationHistograms hx = IterationHistograms.of(x.primaryMetric(), factor.getAsDouble());
            IterationHistograms hy = IterationHistograms.of(y.primaryMetric(), 1);
            new TreeMap<>(PERCENTILES).forEach((metric, q) -> put(differences, metric, hx.quantile(q), hy.quantile(q)));
        }
        return differences;
    }

    private static void put(Map<String, Double> differences, String metric, double a, double b) {
        double ratio = b / a;
        if (Double.isFinite(ratio) && ratio > 0) {
            differences.put(metric, Math.max(ratio, 1 / ratio) - 1);
        }
    }

    private static Map<BenchmarkKey, BenchmarkResult> byKey(Run run) {
        Map<BenchmarkKey, BenchmarkResult> byKey = new TreeMap<>();
        run.results().forEach(result -> byKey.putIfAbsent(BenchmarkKey.of(result), result));
        return byKey;
    }
}
