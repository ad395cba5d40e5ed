package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pins the width of the one ratio interval on inputs shaped as JMH writes them. */
class RatioTest {

    @Test
    void quickProfileShapedScoresGiveThePinnedInterval() {
        // The quick profile: one fork of 3 measurement iterations a side, each JMH half-width 10% of its mean.
        // rse = 0.1 / t(0.9995, 2) = 0.1 / 31.599 each; Welch df = 4; t(0.9995, 4) = 8.6103;
        // spread = 8.6103 * sqrt(2) * 0.1 / 31.599 = 0.03853 -> 2 * exp(-+0.03853), computed independently (scipy).
        Estimate r = Ratio.of(new Ratio.Side(100, 10, 3), new Ratio.Side(50, 5, 3));
        assertThat(r.value()).isEqualTo(2.0);
        assertThat(r.low()).isCloseTo(1.924395, within(1e-5));
        assertThat(r.high()).isCloseTo(2.078575, within(1e-5));
        assertThat(r.confidence()).isEqualTo(0.999);
    }

    @Test
    void manyIterationsApproachTheNormalInterval() {
        // 1000 samples a side, 1% half-widths: t(df ~ 2000) is within 0.3% of z(0.9995) = 3.2905.
        double t = 3.3002; // t(0.9995, 999), scipy
        double rse = 0.01 / t;
        double spread = 3.2905 * Math.sqrt(2) * rse;
        Estimate r = Ratio.of(new Ratio.Side(10, 0.1, 1000), new Ratio.Side(10, 0.1, 1000));
        assertThat(Math.log(r.high())).isCloseTo(spread, within(spread * 0.003));
        assertThat(r.low() * r.high()).isCloseTo(1.0, within(1e-12)); // symmetric on the log scale
    }

    @Test
    void aSideWithoutAnErrorGivesNoInterval() {
        Estimate r = Ratio.of(new Ratio.Side(3, Double.NaN, 1), new Ratio.Side(2, 0.1, 5));
        assertThat(r.value()).isEqualTo(1.5);
        assertThat(r.hasInterval()).isFalse();
    }

    @Test
    void anExactSideLeavesTheOthersUncertainty() {
        // scoreError 0 (every iteration equal) on one side: the interval is the other side's alone, df = n - 1 = 2,
        // so t(0.9995, 2) cancels the one that turned JMH's half-width into a standard error: exp(+-0.1).
        Estimate r = Ratio.of(new Ratio.Side(100, 10, 3), new Ratio.Side(50, 0, 3));
        assertThat(r.high() / r.value()).isCloseTo(Math.exp(0.1), within(1e-9));
        assertThat(r.value() / r.low()).isCloseTo(Math.exp(0.1), within(1e-9));
    }
}
