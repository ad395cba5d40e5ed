package io.execbench.harness.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostFitTest {

    private static List<RoundTripPoint> line(double fixedMicros, double nanosPerByte, long... sizes) {
        return java.util.Arrays.stream(sizes)
                .mapToObj(b -> new RoundTripPoint("uds", b, fixedMicros + nanosPerByte / 1000 * b)).toList();
    }

    @Test
    void ordinaryLeastSquaresMatchesTheHandComputedLineAndIntervals() {
        // x = 0..3, y = 1, 3, 2, 5: slope 5.5 / 5 = 1.1, intercept 2.75 - 1.1 x 1.5 = 1.1, residual sum of squares
        // 2.7 on 2 degrees of freedom (s^2 = 1.35), var(slope) = 1.35 / 5 = 0.27,
        // var(intercept) = 1.35 x (1/4 + 1.5^2 / 5) = 0.945, cov = -1.5 x 0.27 = -0.405; t(2, 0.975) = 4.302653.
        CostFit.Line line = CostFit.Line.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5},
                new double[] {1, 1, 1, 1}, 0.95);
        assertThat(line.slope().value()).isCloseTo(1.1, within(1e-12));
        assertThat(line.intercept().value()).isCloseTo(1.1, within(1e-12));
        assertThat(line.varianceSlope()).isCloseTo(0.27, within(1e-12));
        assertThat(line.varianceIntercept()).isCloseTo(0.945, within(1e-12));
        assertThat(line.covariance()).isCloseTo(-0.405, within(1e-12));
        assertThat(line.t()).isCloseTo(4.302653, within(1e-6));
        assertThat(line.slope().high() - 1.1).isCloseTo(4.302653 * Math.sqrt(0.27), within(1e-6));
        assertThat(line.intercept().low()).isCloseTo(1.1 - 4.302653 * Math.sqrt(0.945), within(1e-6));
        assertThat(line.degreesOfFreedom()).isEqualTo(2);
    }

    @Test
    void exactLineIsRecoveredWithZeroWidthIntervalsAndItsCrossover() {
        // 10 us fixed, 0.25 ns per byte: the bytes cost as much as the fixed part at 10 us / 0.25 ns = 40000 bytes.
        CostFit fit = CostFit.fit(line(10, 0.25, 0, 64, 1024, 16384, 262144, 1048576, 16777216));
        assertThat(fit.transport()).isEqualTo("uds");
        assertThat(fit.fixedMicros().value()).isCloseTo(10, within(1e-9));
        assertThat(fit.nanosPerByte().value()).isCloseTo(0.25, within(1e-12));
        assertThat(fit.crossoverBytes().value()).isCloseTo(40_000, within(1e-6));
        assertThat(fit.crossoverBytes().high() - fit.crossoverBytes().low()).isCloseTo(0, within(1e-6));
        assertThat(fit.fixedMicros().high() - fit.fixedMicros().low()).isCloseTo(0, within(1e-9));
        assertThat(fit.degreesOfFreedom()).isEqualTo(5);
        assertThat(fit.worstResidualFraction()).isCloseTo(0, within(1e-12));
        assertThat(fit.predictMicros(4_000_000)).isCloseTo(1010, within(1e-9));
    }

    @Test
    void relativeWeightsLetSmallPayloadsSetTheFixedCost() {
        // The 16 MiB point is 1% off the line; an unweighted fit would move the fixed cost by far more than 10 us.
        List<RoundTripPoint> points = new java.util.ArrayList<>(line(10, 0.25, 0, 64, 1024, 16384, 262144, 1048576));
        points.add(new RoundTripPoint("uds", 16777216, (10 + 0.25e-3 * 16777216) * 1.01));
        CostFit fit = CostFit.fit(points);
        assertThat(fit.fixedMicros().value()).isCloseTo(10, within(0.2));
        assertThat(fit.nanosPerByte().value()).isCloseTo(0.25, within(0.01));
        assertThat(fit.fixedMicros().low()).isLessThan(10);
        assertThat(fit.fixedMicros().high()).isGreaterThan(10);
        assertThat(fit.worstResidualFraction()).isLessThan(0.02);
    }

    @Test
    void scalingEveryTimeScalesBothTermsAndKeepsTheCrossover() {
        List<RoundTripPoint> noisy = List.of(new RoundTripPoint("tcp", 0, 15.2), new RoundTripPoint("tcp", 64, 15.9),
                new RoundTripPoint("tcp", 16384, 21.0), new RoundTripPoint("tcp", 1048576, 330),
                new RoundTripPoint("tcp", 16777216, 7100));
        List<RoundTripPoint> doubled = noisy.stream()
                .map(p -> new RoundTripPoint("tcp", p.payloadBytes(), 2 * p.micros())).toList();
        CostFit once = CostFit.fit(noisy);
        CostFit twice = CostFit.fit(doubled);
        assertThat(twice.fixedMicros().value()).isCloseTo(2 * once.fixedMicros().value(), within(1e-9));
        assertThat(twice.nanosPerByte().high()).isCloseTo(2 * once.nanosPerByte().high(), within(1e-9));
        assertThat(twice.crossoverBytes().value()).isCloseTo(once.crossoverBytes().value(), within(1e-6));
        assertThat(twice.crossoverBytes().low()).isCloseTo(once.crossoverBytes().low(), within(1e-3));
    }

    @Test
    void twoSizesGiveAnExactLineWithoutIntervals() {
        CostFit fit = CostFit.fit(line(4, 1, 0, 1000));
        assertThat(fit.degreesOfFreedom()).isZero();
        assertThat(fit.fixedMicros().hasInterval()).isFalse();
        assertThat(fit.crossoverBytes().value()).isCloseTo(4000, within(1e-9));
        assertThat(fit.crossoverBytes().hasInterval()).isFalse();
    }

    @Test
    void noCrossoverWhenTheBytesCostNothing() {
        CostFit fit = CostFit.fit(line(4, 0, 0, 64, 1024));
        assertThat(fit.nanosPerByte().value()).isCloseTo(0, within(1e-12));
        assertThat(fit.crossoverBytes()).isNull();
    }

    @Test
    void refusesMixedTransportsAndASingleSize() {
        assertThatThrownBy(() -> CostFit.fit(List.of(new RoundTripPoint("uds", 0, 1),
                        new RoundTripPoint("tcp", 64, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[uds, tcp]");
        assertThatThrownBy(() -> CostFit.fit(List.of(new RoundTripPoint("shm", 64, 1),
                        new RoundTripPoint("shm", 64, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shm: a cost fit needs two");
        assertThatThrownBy(() -> new RoundTripPoint("shm", 64, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shm");
    }
}
