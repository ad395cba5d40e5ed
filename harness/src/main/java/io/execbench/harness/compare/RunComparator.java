package io.execbench.harness.compare;

import io.execbench.harness.compare.Judge.Judgement;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunInfo.Failure;
import io.execbench.harness.stats.Bootstrap;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.IterationHistograms;
import io.execbench.harness.stats.Samples;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Compares two runs benchmark by benchmark. Pure: reads nothing, writes nothing, and the same two runs with the
 * same settings and noise model always give the same comparison.
 *
 * <p>Per benchmark, the per-iteration scores of all forks are compared with a two-sided Mann-Whitney U test (no
 * assumption of normality; JMH scores are often skewed by a slow fork) and the ratio of their medians gets a
 * bootstrap interval ({@link Bootstrap}). SampleTime benchmarks are also compared at p50, p99 and p99.9 from their
 * histograms. {@link Judge} turns those into a verdict. Where both runs read the machine canary beside every
 * iteration, the score relative to it is compared too, and {@link CanaryRelative#guard} keeps a verdict only when
 * the code, not the machine, moved.
 */
public final class RunComparator {

    /** The metric name of the score (median of iterations). */
    static final String SCORE = "score";

    /** Latency percentiles compared for SampleTime benchmarks, as names and quantiles. */
    static final Map<String, Double> PERCENTILES = percentiles();

    private RunComparator() {
    }

    /** Compares {@code current} with {@code baseline}; {@code baselineChoice} says how the baseline was chosen. */
    public static Comparison compare(Run baseline, Run current, String baselineChoice, NoiseModel noise,
                                     String noiseLabel, ComparisonSettings settings) {
        return compare(baseline, current, baselineChoice, noise, noiseLabel, MachineDrift.NONE, settings);
    }

    /** As above, with every threshold at least the machine's own change between the runs ({@code drift}). */
    public static Comparison compare(Run baseline, Run current, String baselineChoice, NoiseModel noise,
                                     String noiseLabel, MachineDrift drift, ComparisonSettings settings) {
        Map<BenchmarkKey, BenchmarkResult> before = byKey(TrackedResults.of(baseline));
        Map<BenchmarkKey, BenchmarkResult> after = byKey(TrackedResults.of(current));
        List<BenchmarkComparison> benchmarks = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, BenchmarkResult> entry : after.entrySet()) {
            BenchmarkResult old = before.get(entry.getKey());
            benchmarks.add(old == null ? notInBaseline(entry.getKey(), entry.getValue())
                    : compare(entry.getKey(), old, entry.getValue(), noise, drift, settings));
        }
        for (Map.Entry<BenchmarkKey, BenchmarkResult> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                benchmarks.add(missing(entry.getKey(), entry.getValue(), baseline, current));
            }
        }
        benchmarks.sort((x, y) -> x.key().compareTo(y.key()));
        boolean perIteration = benchmarks.stream().anyMatch(b -> b.metrics().stream()
                .anyMatch(metric -> CanaryRelative.isRelative(metric.metric())));
        return new Comparison(current.id(), baseline.id(), baselineChoice, null, settings, noiseLabel,
                perIteration ? drift.judgedPerIteration() : drift, benchmarks);
    }

    /**
     * A run that could not be compared at all: every benchmark is {@code not comparable} for {@code reason}.
     * {@code baselineId} may be null (no baseline found).
     */
    public static Comparison notComparable(Run current, String baselineId, String baselineChoice, String reason,
                                           ComparisonSettings settings) {
        List<BenchmarkComparison> benchmarks = byKey(TrackedResults.of(current)).entrySet().stream()
                .map(e -> new BenchmarkComparison(e.getKey(), e.getValue().primaryMetric().scoreUnit(),
                        direction(e.getValue()), Verdict.NOT_COMPARABLE, reason, List.of()))
                .toList();
        return new Comparison(current.id(), baselineId, baselineChoice, reason, settings, "none", MachineDrift.NONE,
                benchmarks);
    }

    static BenchmarkComparison compare(BenchmarkKey key, BenchmarkResult baseline, BenchmarkResult current,
                                       NoiseModel noise, ComparisonSettings settings) {
        return compare(key, baseline, current, noise, MachineDrift.NONE, settings);
    }

    static BenchmarkComparison compare(BenchmarkKey key, BenchmarkResult baseline, BenchmarkResult current,
                                       NoiseModel noise, MachineDrift drift, ComparisonSettings settings) {
        String unit = current.primaryMetric().scoreUnit();
        Direction direction = direction(current);
        OptionalDouble factor = Units.factor(baseline.primaryMetric().scoreUnit(), unit);
        if (factor.isEmpty() || direction != direction(baseline)) {
            return new BenchmarkComparison(key, unit, direction, Verdict.NOT_COMPARABLE, "the unit changed from "
                    + baseline.primaryMetric().scoreUnit() + " to " + unit, List.of());
        }
        Samples before = Samples.of(baseline.primaryMetric(), factor.getAsDouble());
        Samples after = Samples.of(current.primaryMetric(), 1);
        if (before.count() == 0 || after.count() == 0) {
            return new BenchmarkComparison(key, unit, direction, Verdict.NOT_COMPARABLE,
                    "jmh.json has no per-iteration samples (rawData) for it", List.of());
        }
        SplittableRandom random = Bootstrap.random(settings.seed(), key.fullLabel());
        Map<String, Samples> relativeBefore = CanaryRelative.relative(baseline, before, direction);
        Map<String, Samples> relativeAfter = CanaryRelative.relative(current, after, direction);
        Optional<String> canary = CanaryRelative.choose(key, relativeBefore, relativeAfter, noise);
        boolean tracked = canary.isPresent();
        // With the canary read beside every iteration, the machine's change is judged per benchmark (below), not
        // by the canary read minutes away at the ends of the runs.
        MachineDrift runDrift = tracked ? MachineDrift.NONE : drift;
        List<MetricComparison> metrics = new ArrayList<>();
        metrics.add(score(key, SCORE, before, after, direction, noise, runDrift, settings, random));
        if (!baseline.primaryMetric().rawDataHistogram().isEmpty()
                && !current.primaryMetric().rawDataHistogram().isEmpty()) {
            IterationHistograms oldLatency = IterationHistograms.of(baseline.primaryMetric(), factor.getAsDouble());
            IterationHistograms newLatency = IterationHistograms.of(current.primaryMetric(), 1);
            PERCENTILES.forEach((name, q) -> metrics.add(
                    percentile(key, name, q, oldLatency, newLatency, direction, noise, runDrift, settings, random)));
        }
        if (tracked) {
            metrics.add(score(key, CanaryRelative.metric(canary.get()), relativeBefore.get(canary.get()),
                    relativeAfter.get(canary.get()), direction, noise, MachineDrift.NONE, settings, random));
        }
        return CanaryRelative.guard(combine(key, unit, direction, metrics), settings.alpha());
    }

    private static MetricComparison score(BenchmarkKey key, String name, Samples before, Samples after,
                                          Direction direction, NoiseModel noise, MachineDrift drift,
                                          ComparisonSettings settings, SplittableRandom random) {
        Threshold plain = Threshold.of(settings.minEffect(), noise.floor(key, name), before.forkSpread(),
                after.forkSpread());
        Threshold threshold = plain.withMachineDrift(drift.magnitude());
        double[] x = after.pooled();
        double[] y = before.pooled();
        Estimate ratio = Bootstrap.ratioOfMedians(before, after, settings.resamples(), settings.confidence(), random);
        Judgement judgement;
        double p = Double.NaN;
        if (smallestPossiblePValue(x.length, y.length) >= settings.alpha()) {
            judgement = new Judgement(Verdict.NOISY, String.format(java.util.Locale.ROOT,
                    "too few samples (%d against %d iterations): the rank test cannot reach p<%s; use a longer profile",
                    x.length, y.length, settings.alpha()));
        } else {
            p = MannWhitneyUTest.withDefaults().test(x, y).getPValue();
            judgement = judge(direction, ratio, p, settings.alpha(), plain, threshold, settings.confidence());
        }
        return new MetricComparison(name, before.median(), after.median(), y.length, x.length, ratio, p,
                threshold.value(), judgement.verdict(), judgement.reason());
    }

    private static MetricComparison percentile(BenchmarkKey key, String name, double q, IterationHistograms before,
                                               IterationHistograms after, Direction direction, NoiseModel noise,
                                               MachineDrift drift, ComparisonSettings settings,
                                               SplittableRandom random) {
        // The forks of each run are an A/A experiment for a percentile as much as for the score.
        Threshold plain = Threshold.of(settings.minEffect(), noise.floor(key, name), before.forkSpread(q),
                after.forkSpread(q));
        Threshold threshold = plain.withMachineDrift(drift.magnitude());
        // No rank test backs a percentile's verdict, so its interval alone must carry the significance level.
        double confidence = Math.max(settings.confidence(), 1 - settings.alpha());
        Estimate ratio = Bootstrap.ratioOfQuantiles(before, after, q, settings.percentileResamples(), confidence,
                random);
        Judgement judgement = before.iterationCount() < MIN_ITERATIONS_FOR_PERCENTILES
                || after.iterationCount() < MIN_ITERATIONS_FOR_PERCENTILES
                ? new Judgement(Verdict.NOISY, "too few iterations to resample (" + before.iterationCount()
                        + " against " + after.iterationCount() + ")")
                : judge(direction, ratio, Double.NaN, settings.alpha(), plain, threshold, confidence);
        return new MetricComparison(name, before.quantile(q), after.quantile(q), before.iterationCount(),
                after.iterationCount(), ratio, Double.NaN, threshold.value(), judgement.verdict(), judgement.reason());
    }

    /**
     * {@link Judge#judge} at {@code threshold}, which may have been raised by the machine's own change between the
     * runs. That change can hide a difference but never make one: a metric that is unchanged only because the drift
     * raised the threshold (at the {@code plain} threshold it would be regressed, improved or noisy) is noisy, and
     * says so, rather than claimed unchanged.
     */
    static Judgement judge(Direction direction, Estimate ratio, double pValue, double alpha, Threshold plain,
                           Threshold threshold, double confidence) {
        Judgement judgement = Judge.judge(direction, ratio, pValue, alpha, threshold.value(), threshold.why(),
                confidence);
        if (judgement.verdict() != Verdict.UNCHANGED || threshold.value() <= plain.value()) {
            return judgement;
        }
        Judgement without = Judge.judge(direction, ratio, pValue, alpha, plain.value(), plain.why(), confidence);
        if (without.verdict() == Verdict.UNCHANGED) {
            return judgement;
        }
        return new Judgement(Verdict.NOISY, judgement.reason() + String.format(java.util.Locale.ROOT,
                "; at %.1f%% it would be %s: it cannot be told from the machine's own change", plain.value() * 100,
                without.verdict().label()));
    }

    /** Resampling whole iterations says little with fewer than this many on a side. */
    static final int MIN_ITERATIONS_FOR_PERCENTILES = 5;

    /**
     * The benchmark's verdict: the score's, except that a regressed p50 makes the benchmark regressed (the typical
     * latency grew even if the mean did not). The tails (p99, p99.9) rest on a few extreme samples per iteration and
     * have no rank test behind them; over hundreds of benchmarks their intervals alone would raise false alarms
     * every night (1 in 150 tail comparisons of two runs drawn from the same iterations did), so a tail that
     * regressed is named in the reason and kept in verdict.json, but does not vote.
     */
    private static BenchmarkComparison combine(BenchmarkKey key, String unit, Direction direction,
                                               List<MetricComparison> metrics) {
        MetricComparison score = metrics.getFirst();
        Verdict verdict = score.verdict();
        String reason = score.reason();
        for (MetricComparison metric : metrics.subList(1, metrics.size())) {
            if (metric.verdict() != Verdict.REGRESSED || CanaryRelative.isRelative(metric.metric())) {
                continue;
            }
            if (metric.metric().equals("p50") && verdict != Verdict.REGRESSED) {
                verdict = Verdict.REGRESSED;
                reason = "p50: " + metric.reason() + "; score: " + reason;
            } else if (!metric.metric().equals("p50")) {
                reason = reason + "; " + metric.metric() + " regressed (reported, not voted): " + metric.reason();
            }
        }
        return new BenchmarkComparison(key, unit, direction, verdict, reason, metrics);
    }

    /**
     * The smallest two-sided p-value an exact Mann-Whitney U test can give for samples of sizes {@code n} and
     * {@code m} (complete separation): {@code 2 / C(n + m, n)}. When it is not below alpha, no data can be
     * significant and the honest verdict is "noisy".
     */
    static double smallestPossiblePValue(int n, int m) {
        double combinations = 1;
        for (int i = 1; i <= Math.min(n, m); i++) {
            combinations = combinations * (Math.max(n, m) + i) / i;
        }
        return Math.min(1, 2 / combinations);
    }

    private static BenchmarkComparison notInBaseline(BenchmarkKey key, BenchmarkResult current) {
        return new BenchmarkComparison(key, current.primaryMetric().scoreUnit(), direction(current),
                Verdict.NOT_COMPARABLE, "new: the baseline has no result for it", List.of());
    }

    private static BenchmarkComparison missing(BenchmarkKey key, BenchmarkResult result, Run baseline, Run current) {
        boolean failed = current.info().failures().stream().anyMatch(failure -> matches(failure, key));
        String include = current.info().include();
        String reason = failed ? "failed in this run (see run.json)"
                : !include.equals(baseline.info().include())
                ? "not run: this run's include pattern is '" + include + "', the baseline's '"
                        + baseline.info().include() + "'"
                : "in the baseline, but not in this run";
        return new BenchmarkComparison(key, result.primaryMetric().scoreUnit(), direction(result), Verdict.MISSING,
                reason, List.of());
    }

    private static boolean matches(Failure failure, BenchmarkKey key) {
        return failure.benchmark().equals(key.benchmark()) && new TreeMap<>(failure.params()).equals(key.params());
    }

    private static Direction direction(BenchmarkResult result) {
        return Direction.of(result.mode(), result.primaryMetric().scoreUnit());
    }

    /** Results by key in key order; of two results with one key (JMH never writes that), the first is kept. */
    private static Map<BenchmarkKey, BenchmarkResult> byKey(List<BenchmarkResult> results) {
        Map<BenchmarkKey, BenchmarkResult> byKey = new TreeMap<>();
        results.forEach(result -> byKey.putIfAbsent(BenchmarkKey.of(result), result));
        return byKey;
    }

    private static Map<String, Double> percentiles() {
        Map<String, Double> percentiles = new java.util.LinkedHashMap<>();
        percentiles.put("p50", 0.50);
        percentiles.put("p99", 0.99);
        percentiles.put("p99.9", 0.999);
        return java.util.Collections.unmodifiableMap(percentiles);
    }
}
