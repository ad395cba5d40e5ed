package io.execbench.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class SteadyWarmupTest {

    private static final SteadyWarmup.Budget BUDGET = new SteadyWarmup.Budget(1_000, 5, 100_000, 0.05);

    /** A fake clock: a call made at fake time t (ns since the start) costs {@code cost.applyAsLong(t)} ns. */
    private static SteadyWarmup.Outcome warm(LongUnaryOperator cost) {
        return warm(cost, t -> -1);
    }

    /** As above, the JIT having spent {@code compiled.applyAsLong(t)} ms compiling by fake time t. */
    private static SteadyWarmup.Outcome warm(LongUnaryOperator cost, LongUnaryOperator compiled) {
        AtomicLong now = new AtomicLong();
        return SteadyWarmup.warm(() -> {
            now.addAndGet(cost.applyAsLong(now.get()));
            return 7;
        }, () -> now.addAndGet(1), () -> compiled.applyAsLong(now.get()), BUDGET, now::get);
    }

    @Test
    void stopsOnceTheCostStopsMoving() {
        // Getting cheaper (100 ns down to 50) for the first 10 batches of 1 us, then 20 ns: steady 5 batches later.
        SteadyWarmup.Outcome outcome = warm(t -> t < 10_000 ? 100 - t / 200 : 20);
        assertThat(outcome.steady()).isTrue();
        assertThat(outcome.batches()).isEqualTo(15);
        assertThat(outcome.warmedNanos()).isLessThan(BUDGET.capNanos());
        assertThat(outcome.nanosPerCall()[outcome.batches() - 1]).isEqualTo(20.0);
        assertThat(outcome.checksum()).isNotZero();
    }

    @Test
    void aCompilerStillAtWorkIsNotSteadyEvenWhenTheCostIsFlat() {
        // Flat cost from the start, but the JIT keeps compiling for the first 30 us (one more ms every 0.5 us).
        SteadyWarmup.Outcome outcome = warm(t -> 20, t -> Math.min(t, 30_000) / 500);
        assertThat(outcome.steady()).isTrue();
        assertThat(outcome.warmedNanos()).isGreaterThan(30_000);
        long[] compiled = outcome.compileMillis();
        assertThat(compiled[compiled.length - 1] - compiled[compiled.length - 1 - BUDGET.window()])
                .isLessThanOrEqualTo(SteadyWarmup.QUIET_COMPILE_MILLIS);
        // Never quiet: never steady, stopped by the cap.
        assertThat(warm(t -> 20, t -> t / 500).steady()).isFalse();
    }

    @Test
    void aCostThatKeepsFallingIsNotSteadyAndStopsAtTheCap() {
        // 2% cheaper every batch (1 us): each window inside the 5% band around its median, but a trend all along.
        SteadyWarmup.Outcome outcome = warm(t -> Math.round(1000 * Math.pow(0.98, t / 1000.0)));
        assertThat(outcome.steady()).isFalse();
        assertThat(outcome.warmedNanos()).isGreaterThanOrEqualTo(BUDGET.capNanos());
    }

    @Test
    void oneSlowBatchInTheWindowIsNotSteady() {
        assertThat(SteadyWarmup.steady(List.of(20.0, 20.0, 20.5, 19.8, 20.1), BUDGET)).isTrue();
        assertThat(SteadyWarmup.steady(List.of(20.0, 20.0, 30.0, 19.8, 20.1), BUDGET)).isFalse();
        assertThat(SteadyWarmup.steady(List.of(20.0, 20.0, 20.1), BUDGET)).isFalse(); // shorter than the window
    }

    @Test
    void aSteadyTrendWithinTheBandIsStillATrend() {
        // Each point within 5% of the median, but 2% lower each batch: 8% across the window.
        assertThat(SteadyWarmup.steady(List.of(104.0, 102.0, 100.0, 98.0, 96.0), BUDGET)).isFalse();
        assertThat(SteadyWarmup.theilSenSlope(new double[] {104, 102, 100, 98, 96})).isEqualTo(-2.0);
    }
}
