package io.execbench.harness.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpeedupTest {

    @Test
    void ratioOfInlineToModelWithLogScaleInterval() {
        // 3% and 4% relative half-widths: h = 0.05 exactly.
        Estimate speedup = Speedup.of(Estimate.ofJmh(1000, 30), Estimate.ofJmh(500, 20));

        assertThat(speedup.value()).isEqualTo(2.0);
        assertThat(speedup.low()).isCloseTo(2.0 * Math.exp(-0.05), within(1e-12));
        assertThat(speedup.high()).isCloseTo(2.0 * Math.exp(0.05), within(1e-12));
        assertThat(speedup.low()).isCloseTo(1.902458849, within(1e-9));
        assertThat(speedup.high()).isCloseTo(2.102542193, within(1e-9));
    }

    @Test
    void exactTimesGiveAZeroWidthInterval() {
        assertThat(Speedup.of(Estimate.ofJmh(90, 0), Estimate.ofJmh(45, 0))).isEqualTo(new Estimate(2, 2, 2));
    }

    @Test
    void unknownErrorGivesUnknownIntervalNotAFalseOne() {
        Estimate speedup = Speedup.of(Estimate.ofJmh(100, Double.NaN), Estimate.ofJmh(50, 1));
        assertThat(speedup.value()).isEqualTo(2.0);
        assertThat(speedup.hasInterval()).isFalse();
    }

    @Test
    void intervalReachingZeroTimeIsUnknown() {
        assertThat(Speedup.of(Estimate.ofJmh(100, 1), Estimate.ofJmh(5, 6)).hasInterval()).isFalse();
    }

    @Test
    void beatsInlineOnlyWhenTheWholeIntervalIsAboveOne() {
        assertThat(Speedup.beatsInline(new Estimate(1.2, 1.01, 1.4))).isTrue();
        assertThat(Speedup.beatsInline(new Estimate(1.2, 0.99, 1.4))).isFalse();
        assertThat(Speedup.beatsInline(Estimate.withoutInterval(1.01))).isTrue();
        assertThat(Speedup.beatsInline(Estimate.withoutInterval(1.0))).isFalse();
    }
}
