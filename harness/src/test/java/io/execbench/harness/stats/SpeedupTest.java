package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.analyse.HyperthreadYield;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

class SpeedupTest {

    @Test
    void speedupIsTheRatioAndEfficiencyDividesByThreads() {
        List<Speedup.Point> speedups = Speedup.of(List.of(
                new ThroughputPoint(4, 360, 0, 10), new ThroughputPoint(1, 100, 0, 10),
                new ThroughputPoint(2, 190, 0, 10)));
        assertThat(speedups).extracting(Speedup.Point::threads).containsExactly(1, 2, 4);
        assertThat(speedups.get(0).speedup()).isEqualTo(new Estimate(1, 1, 1, 0.999));
        assertThat(speedups.get(1).speedup().value()).isEqualTo(1.9);
        assertThat(speedups.get(2).efficiency().value()).isEqualTo(0.9);
        assertThat(Speedup.effectiveCores(speedups).value()).isEqualTo(3.6);
    }

    @Test
    void intervalPropagatesBothRelativeErrorsByTheDeltaMethodOnTheLog() {
        // 10 samples each; JMH half-widths of 5% and 10% of the mean at 99.9%. The speedup's interval is Ratio's:
        // relative standard errors added on the log scale, Student's t at the Welch-Satterthwaite degrees of freedom.
        double t = new TDistribution(9).inverseCumulativeProbability(0.9995);
        double va = Math.pow(0.05 / t, 2);
        double vb = Math.pow(0.10 / t, 2);
        double df = (va + vb) * (va + vb) / ((va * va + vb * vb) / 9);
        List<Speedup.Point> speedups = Speedup.of(List.of(
                new ThroughputPoint(1, 100, 5, 10), new ThroughputPoint(2, 200, 20, 10)));
        double spread = new TDistribution(df).inverseCumulativeProbability(0.9995) * Math.sqrt(va + vb);
        Estimate s2 = speedups.get(1).speedup();
        assertThat(s2.value()).isEqualTo(2.0);
        assertThat(s2.low()).isCloseTo(2 * Math.exp(-spread), within(1e-12));
        assertThat(s2.high()).isCloseTo(2 * Math.exp(spread), within(1e-12));
        assertThat(speedups.get(1).efficiency().high()).isCloseTo(Math.exp(spread), within(1e-12));
    }

    @Test
    void oneSampleLeavesTheIntervalUnknown() {
        List<Speedup.Point> speedups = Speedup.of(List.of(
                new ThroughputPoint(1, 100, Double.NaN, 1), new ThroughputPoint(2, 150, Double.NaN, 1)));
        assertThat(speedups.get(1).speedup().hasInterval()).isFalse();
        assertThat(speedups.get(1).speedup().value()).isEqualTo(1.5);
    }

    @Test
    void needsTheOneThreadPoint() {
        assertThatThrownBy(() -> Speedup.of(List.of(new ThroughputPoint(2, 150, 1, 5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads=1");
    }

    @Test
    void hyperthreadYieldComparesSiblingsWithCores() {
        List<Speedup.Point> packed = Speedup.of(List.of(new ThroughputPoint(1, 100, 0, 5),
                new ThroughputPoint(2, 125, 0, 5)));
        List<Speedup.Point> spread = Speedup.of(List.of(new ThroughputPoint(1, 100, 0, 5),
                new ThroughputPoint(2, 196, 0, 5)));
        HyperthreadYield yield = HyperthreadYield.of(packed, spread).orElseThrow();
        assertThat(yield.siblingsGain().value()).isCloseTo(0.25, within(1e-12));
        assertThat(yield.coresGain().value()).isCloseTo(0.96, within(1e-12));
        assertThat(yield.fractionOfACore()).isCloseTo(0.25 / 0.96, within(1e-12));
        assertThat(HyperthreadYield.of(List.of(), spread)).isEmpty();
    }
}
