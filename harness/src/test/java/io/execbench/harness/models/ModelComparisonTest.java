package io.execbench.harness.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    private static ModelScore batch(String model, int workUnits, double timeUs, double errorUs) {
        return new ModelScore(model, "alu", workUnits, 8, Estimate.ofJmh(timeUs, errorUs));
    }

    private static final List<ModelScore> SCORES = List.of(
            batch("inline", 333, 8, 0),
            batch("inline", 3_333_333, 80_000, 0),
            batch("fixedPool", 333, 40, 0),
            batch("fixedPool", 3_333_333, 40_000, 0),
            batch("eventLoop", 3_333_333, 80_800, 0),
            // No inline score of this size or kernel: nothing to compare with, left out.
            batch("fixedPool", 33_333, 500, 0),
            new ModelScore("fixedPool", "memory", 5000, 8, Estimate.ofJmh(5000, 0)));

    @Test
    void eachModelAgainstInlineOfTheSameTasks() {
        assertThat(ModelComparison.rows(SCORES)).containsExactly(
                new ModelComparison.Row("fixedPool", "alu", 333, new Estimate(0.2, 0.2, 0.2),
                        new Estimate(4, 4, 4)),
                new ModelComparison.Row("fixedPool", "alu", 3_333_333, new Estimate(2, 2, 2),
                        new Estimate(-5000, -5000, -5000)),
                new ModelComparison.Row("eventLoop", "alu", 3_333_333,
                        new Estimate(80_000 / 80_800.0, 80_000 / 80_800.0, 80_000 / 80_800.0),
                        new Estimate(100, 100, 100)));
    }

    @Test
    void breakEvenPerModel() {
        assertThat(ModelComparison.breakEvens(ModelComparison.rows(SCORES), "alu")).containsExactly(
                new BreakEven("fixedPool", OptionalInt.of(3_333_333), OptionalInt.of(333), 3_333_333),
                new BreakEven("eventLoop", OptionalInt.empty(), OptionalInt.empty(), 3_333_333));
    }

    @Test
    void inlineBatchesCalibrateTheKernel() {
        // 80 000 us for 8 tasks of 3 333 333 units: 0.003 us (3 ns) per unit.
        Estimate perUnit = ModelComparison.timePerUnit(new ModelScore("inline", "alu", 3_333_333, 8,
                Estimate.ofJmh(80_000, 800)));
        assertThat(perUnit.value()).isEqualTo(80_000 / (8.0 * 3_333_333));
        assertThat(perUnit.low()).isEqualTo(79_200 / (8.0 * 3_333_333));
    }
}
