package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.read.Metric;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryRelativeTest {

    private static Metric perIteration(String unit, List<List<Double>> rawData) {
        return new Metric(Double.NaN, Double.NaN, new Metric.Interval(Double.NaN, Double.NaN), unit, Map.of(),
                rawData, List.of());
    }

    private static MetricComparison metric(String name, Verdict verdict) {
        return new MetricComparison(name, 1, 1, 6, 6, new Estimate(1, 1, 1), 0.5, 0.03, verdict, name + " says");
    }

    private static BenchmarkComparison comparison(Verdict measured, Verdict relative) {
        BenchmarkKey key = new BenchmarkKey("x.Bench.run", "avgt", new java.util.TreeMap<>());
        return new BenchmarkComparison(key, "ns/op", Direction.LOWER_IS_BETTER, measured, "measured says",
                List.of(metric("score", measured), metric(CanaryRelative.metric("canary.cpu"), relative)));
    }

    private static BenchmarkComparison guarded(Verdict measured, Verdict relative) {
        return CanaryRelative.guard(comparison(measured, relative), 0.01);
    }

    @Test
    void aTimeIsDividedByTheCanaryOfItsOwnIterationAndARateMultiplied() {
        Samples scores = new Samples(List.of(new double[] {300, 330}, new double[] {310}));
        Metric canary = perIteration("ns/step", List.of(List.of(3.0, 3.3), List.of(3.1)));

        Samples steps = scores.relativeTo(canary, Direction.LOWER_IS_BETTER).orElseThrow();
        Samples rate = scores.relativeTo(canary, Direction.HIGHER_IS_BETTER).orElseThrow();

        assertThat(steps.pooled()).containsExactly(new double[] {100, 100, 100}, within(1e-9));
        assertThat(rate.pooled()).containsExactly(new double[] {900, 1089, 961}, within(1e-9));
    }

    @Test
    void aCanaryThatDoesNotLineUpWithTheScoresIsNotUsed() {
        Samples scores = new Samples(List.of(new double[] {300, 330}, new double[] {310}));

        assertThat(scores.relativeTo(perIteration("ns/step", List.of(List.of(3.0, 3.3))),
                Direction.LOWER_IS_BETTER)).isEmpty();
        assertThat(scores.relativeTo(perIteration("ns/step", List.of(List.of(3.0), List.of(3.1))),
                Direction.LOWER_IS_BETTER)).isEmpty();
        assertThat(scores.relativeTo(perIteration("ns/step", List.of(List.of(3.0, 0.0), List.of(3.1))),
                Direction.LOWER_IS_BETTER)).isEmpty();
    }

    @Test
    void aRegressionStandsOnlyWhenItIsAlsoOneRelativeToTheCanary() {
        assertThat(guarded(Verdict.REGRESSED, Verdict.REGRESSED).verdict())
                .isEqualTo(Verdict.REGRESSED);
        BenchmarkComparison machine = guarded(Verdict.REGRESSED, Verdict.UNCHANGED);
        assertThat(machine.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(machine.reason()).contains("measured says").contains("relative to the machine canary (canary.cpu): unchanged")
                .contains("the machine changed with it");
        assertThat(guarded(Verdict.IMPROVED, Verdict.NOISY).verdict())
                .isEqualTo(Verdict.NOISY);
        assertThat(guarded(Verdict.IMPROVED, Verdict.IMPROVED).verdict())
                .isEqualTo(Verdict.IMPROVED);
    }

    private static BenchmarkComparison measuredMoved(Verdict measured, double low, double high, double pValue) {
        BenchmarkKey key = new BenchmarkKey("x.Bench.run", "avgt", new java.util.TreeMap<>());
        MetricComparison score = new MetricComparison("score", 100, 130, 6, 6, new Estimate(1.3, low, high), pValue,
                0.35, measured, "measured says");
        return CanaryRelative.guard(new BenchmarkComparison(key, "ns/op", Direction.LOWER_IS_BETTER, measured,
                "measured says", List.of(score, metric(CanaryRelative.metric("canary.fp"), Verdict.REGRESSED))), 0.01);
    }

    @Test
    void aRegressionRelativeToTheCanaryStandsWhenTheMeasuredScoresMovedTheSameWaySignificantly() {
        // As measured 30% worse, within a 35% floor that the host's drift set: not a measured regression, but the
        // scores did move the same way as the score relative to the canary, and significantly.
        BenchmarkComparison same = measuredMoved(Verdict.NOISY, 1.05, 1.40, 0.002);
        assertThat(same.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(same.reason()).contains("relative to the machine canary (canary.fp): regressed")
                .contains("as measured it moved the same way, significantly");
        assertThat(measuredMoved(Verdict.UNCHANGED, 1.05, 1.40, 0.002).verdict()).isEqualTo(Verdict.REGRESSED);
        // Not significant, or the interval reaching "better": the canary would be making the verdict alone.
        assertThat(measuredMoved(Verdict.NOISY, 1.05, 1.40, 0.04).verdict()).isEqualTo(Verdict.NOISY);
        assertThat(measuredMoved(Verdict.NOISY, 0.98, 1.40, 0.002).verdict()).isEqualTo(Verdict.NOISY);
        // Moved the other way: the machine and the scores disagree.
        assertThat(measuredMoved(Verdict.NOISY, 0.70, 0.90, 0.002).verdict()).isEqualTo(Verdict.NOISY);
    }

    @Test
    void theCanaryNeverMakesAVerdictAloneButNeitherLetsADisagreementPassAsUnchanged() {
        assertThat(guarded(Verdict.UNCHANGED, Verdict.REGRESSED).verdict())
                .isEqualTo(Verdict.NOISY);
        assertThat(guarded(Verdict.NOISY, Verdict.REGRESSED).verdict())
                .isEqualTo(Verdict.NOISY);
        assertThat(guarded(Verdict.UNCHANGED, Verdict.NOISY).verdict())
                .isEqualTo(Verdict.UNCHANGED);
        BenchmarkComparison spread = guarded(Verdict.NOISY, Verdict.UNCHANGED);
        assertThat(spread.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(spread.reason()).contains("the spread was the machine's");
    }

    @Test
    void aComparisonWithoutTheCanaryIsLeftAsItIs() {
        BenchmarkKey key = new BenchmarkKey("x.Bench.run", "avgt", new java.util.TreeMap<>());
        BenchmarkComparison plain = new BenchmarkComparison(key, "ns/op", Direction.LOWER_IS_BETTER,
                Verdict.REGRESSED, "measured says", List.of(metric("score", Verdict.REGRESSED)));

        assertThat(CanaryRelative.guard(plain, 0.01)).isSameAs(plain);
    }

    @Test
    void eachBenchmarkIsJudgedAgainstTheCanaryItsScoreFollowedMostCloselyInCalibration() {
        BenchmarkKey fp = new BenchmarkKey("x.Bench.run", "avgt", new java.util.TreeMap<>(Map.of("kernel", "fp")));
        BenchmarkKey alu = new BenchmarkKey("x.Bench.run", "avgt", new java.util.TreeMap<>(Map.of("kernel", "alu")));
        Samples any = new Samples(List.of(new double[] {1, 2}));
        Map<String, Samples> both = Map.of("canary.cpu", any, "canary.fp", any);
        NoiseModel noise = new NoiseModel("b663e4", "quick", List.of("a", "b"), Map.of(
                fp.fullLabel(), Map.of("score", 0.30, "score/canary.cpu", 0.12, "score/canary.fp", 0.03),
                alu.fullLabel(), Map.of("score", 0.30, "score/canary.cpu", 0.02, "score/canary.fp", 0.09)));

        assertThat(CanaryRelative.choose(fp, both, both, noise)).contains("canary.fp");
        assertThat(CanaryRelative.choose(alu, both, both, noise)).contains("canary.cpu");
        // Uncalibrated: the integer canary. A canary only one run read (an older baseline) is never chosen.
        assertThat(CanaryRelative.choose(fp, both, both, NoiseModel.NONE)).contains("canary.cpu");
        assertThat(CanaryRelative.choose(fp, Map.of("canary.cpu", any), both, noise)).contains("canary.cpu");
        assertThat(CanaryRelative.choose(fp, Map.of("canary.fp", any), Map.of("canary.cpu", any), noise)).isEmpty();
    }
}
