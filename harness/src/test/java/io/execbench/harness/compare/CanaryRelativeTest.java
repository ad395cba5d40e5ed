package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.read.Metric;
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
                List.of(metric("score", measured), metric(CanaryRelative.METRIC, relative)));
    }

    private static BenchmarkComparison guarded(Verdict measured, Verdict relative) {
        return CanaryRelative.guard(comparison(measured, relative));
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
        assertThat(machine.reason()).contains("measured says").contains("relative to the machine canary: unchanged")
                .contains("the machine changed with it");
        assertThat(guarded(Verdict.IMPROVED, Verdict.NOISY).verdict())
                .isEqualTo(Verdict.NOISY);
        assertThat(guarded(Verdict.IMPROVED, Verdict.IMPROVED).verdict())
                .isEqualTo(Verdict.IMPROVED);
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

        assertThat(CanaryRelative.guard(plain)).isSameAs(plain);
    }
}
