package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HodgesLehmannTest {

    @Test
    void estimateIsTheMedianOfTheWalshAverages() {
        // Walsh averages of {1, 2, 4}: 1, 1.5, 2, 2.5, 3, 4; median (2 + 2.5) / 2.
        assertThat(HodgesLehmann.walshAverages(new double[] {4, 1, 2})).containsExactly(1, 1.5, 2, 2.5, 3, 4);
        assertThat(HodgesLehmann.estimate(new double[] {4, 1, 2})).isEqualTo(2.25);
    }

    @Test
    void intervalEndsAreTheWalshAveragesAtTheCriticalValue() {
        // 8 pairs, 95%: k = 3, so the 4th smallest and 4th largest of the 36 Walsh averages.
        // Of 1..8 those are (1 + 3) / 2 = 2 and (6 + 8) / 2 = 7; the median is 4.5 by symmetry.
        var symmetric = HodgesLehmann.estimate(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 0.95);
        assertThat(symmetric.estimate()).isEqualTo(4.5);
        assertThat(symmetric.low()).isEqualTo(2.0);
        assertThat(symmetric.high()).isEqualTo(7.0);
        assertThat(symmetric.coverage()).isCloseTo(1 - 10 / 256.0, within(1e-15));

        // Skewed: smallest Walsh averages -0.5, -0.1, 0.3 (0.3 alone), 0.3 ((-0.5 + 1.1) / 2), ...
        // largest 7.5, 5.4, 5.2, 4.75 ((2.0 + 7.5) / 2), ...; the 18th and 19th are 1.8 and 2.0.
        double[] skewed = {2.9, -0.5, 7.5, 1.1, 0.3, 3.3, 1.4, 2.0};
        var shift = HodgesLehmann.estimate(skewed, 0.95);
        assertThat(shift.low()).isCloseTo(0.3, within(1e-12));
        assertThat(shift.high()).isCloseTo(4.75, within(1e-12));
        assertThat(shift.estimate()).isCloseTo(1.9, within(1e-12));
        assertThat(shift.pairCount()).isEqualTo(8);
        assertThat(shift.bounded()).isTrue();
    }

    @Test
    void tooFewPairsForTheConfidenceGiveTheWholeLine() {
        var shift = HodgesLehmann.estimate(new double[] {0.1, 0.11, 0.09, 0.1, 0.12, 0.1, 0.08}, 0.99);
        assertThat(shift.bounded()).isFalse();
        assertThat(shift.low()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(shift.coverage()).isEqualTo(1.0);
        assertThat(shift.estimate()).isCloseTo(0.1, within(0.005));
    }

    @Test
    void oneWildPairBarelyMovesTheEstimate() {
        double[] calm = {0.09, 0.10, 0.11, 0.095, 0.105, 0.10, 0.085, 0.115, 0.10, 0.092, 0.108, 0.10};
        double[] wild = calm.clone();
        wild[0] = Math.log(3); // a cold first round, off by 3x
        assertThat(HodgesLehmann.estimate(wild) - HodgesLehmann.estimate(calm)).isLessThan(0.005);
    }

    @Test
    void refusesNonFiniteOrNoDifferences() {
        assertThatThrownBy(() -> HodgesLehmann.estimate(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HodgesLehmann.estimate(new double[] {1, Double.NaN}))
                .hasMessageContaining("difference 1");
    }
}
