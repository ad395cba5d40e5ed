package io.execbench.harness.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverheadTest {

    @Test
    void modelMinusInlineWithHalfWidthsInQuadrature() {
        // One task: 15 +- 4 us against inline's 5 +- 3 us: 10 +- 5 us.
        assertThat(Overhead.perTask(Estimate.ofJmh(5, 3), Estimate.ofJmh(15, 4), 1))
                .isEqualTo(new Estimate(10, 5, 15));
    }

    @Test
    void dividedOverTheTasksOfABatchAndNegativeWhenParallelismWins() {
        // 8 tasks: 400 us inline, 240 us on the model: each task costs 20 us less; half-width 5 * sqrt(2) * 8 / 8.
        Estimate overhead = Overhead.perTask(Estimate.ofJmh(400, 24), Estimate.ofJmh(240, 32), 8);
        assertThat(overhead).isEqualTo(new Estimate(-20, -25, -15));
    }

    @Test
    void unknownErrorGivesUnknownInterval() {
        Estimate overhead = Overhead.perTask(Estimate.ofJmh(5, Double.NaN), Estimate.ofJmh(15, 4), 1);
        assertThat(overhead.value()).isEqualTo(10);
        assertThat(overhead.hasInterval()).isFalse();
    }
}
