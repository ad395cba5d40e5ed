package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UslFitTest {

    private static final int[] THREADS = {1, 2, 4, 8, 16, 32, 48, 64};

    /** Speedups drawn from the law itself, each multiplied by (1 + noise * uniform(-1, 1)). */
    private static List<Speedup.Point> synthetic(double sigma, double kappa, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Speedup.Point> points = new ArrayList<>();
        for (int n : THREADS) {
            double s = n == 1 ? 1 : UslFit.capacity(n, sigma, kappa) * (1 + noise * random.nextDouble(-1, 1));
            Estimate speedup = Estimate.withoutInterval(s, 0.999);
            points.add(new Speedup.Point(n, speedup, speedup.dividedBy(n)));
        }
        return points;
    }

    @Test
    void recoversSigmaAndKappaExactlyFromNoiselessData() {
        UslFit fit = UslFit.fit(synthetic(0.05, 0.002, 0, 1));
        assertThat(fit.sigma().value()).isCloseTo(0.05, within(1e-9));
        assertThat(fit.kappa().value()).isCloseTo(0.002, within(1e-9));
        assertThat(fit.peakThreads()).isCloseTo(Math.sqrt(0.95 / 0.002), within(1e-6));
        assertThat(fit.worstResidualFraction()).isLessThan(1e-9);
        assertThat(fit.degreesOfFreedom()).isEqualTo(THREADS.length - 3);
    }

    @Test
    void recoversParametersWithinTheirIntervalsFromNoisyData() {
        int covered = 0;
        for (long seed = 1; seed <= 20; seed++) {
            UslFit fit = UslFit.fit(synthetic(0.03, 0.0005, 0.02, seed));
            assertThat(fit.sigma().value()).isCloseTo(0.03, within(0.015));
            assertThat(fit.kappa().value()).isCloseTo(0.0005, within(0.0003));
            assertThat(fit.worstResidualFraction()).isLessThan(0.05);
            if (fit.sigma().low() <= 0.03 && 0.03 <= fit.sigma().high()
                    && fit.kappa().low() <= 0.0005 && 0.0005 <= fit.kappa().high()) {
                covered++;
            }
        }
        // 95% intervals for each parameter: both should hold in most of 20 draws.
        assertThat(covered).isGreaterThanOrEqualTo(15);
    }

    @Test
    void linearScalingPredictsNoPeakWithinReach() {
        UslFit fit = UslFit.fit(synthetic(0, 0, 0, 1));
        assertThat(fit.sigma().value()).isCloseTo(0, within(1e-9));
        assertThat(fit.kappa().value()).isCloseTo(0, within(1e-9));
        // kappa lands on +-1e-20 or so: either no peak, or one absurdly far away; never one among the threads.
        assertThat(fit.peakThreads() == null || fit.peakThreads() > 1e6).isTrue();
    }

    @Test
    void retrogradeScalingPeaksWhereTheLawSays() {
        UslFit fit = UslFit.fit(synthetic(0.2, 0.02, 0, 1));
        assertThat(fit.peakThreads()).isCloseTo(Math.sqrt(0.8 / 0.02), within(1e-6));
        assertThat(fit.predict(64)).isLessThan(fit.predict(6));
    }

    @Test
    void twoPointsFitExactlyWithoutAnInterval() {
        List<Speedup.Point> three = synthetic(0.1, 0.01, 0, 1).subList(0, 3);
        UslFit fit = UslFit.fit(three);
        assertThat(fit.degreesOfFreedom()).isZero();
        assertThat(fit.sigma().value()).isCloseTo(0.1, within(1e-9));
        assertThat(fit.sigma().hasInterval()).isFalse();
    }

    @Test
    void refusesASweepWithOneThreadCountAboveOne() {
        assertThatThrownBy(() -> UslFit.fit(synthetic(0, 0, 0, 1).subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two or more thread counts above 1").hasMessageContaining("[1, 2]");
    }

    @Test
    void cappedAtTheCpusTheModelIsFlatPastThemAndStillRecoversBothParameters() {
        // 16 CPUs, the law up to 16 threads, time-sliced (flat) past them.
        int[] threads = {1, 2, 4, 8, 12, 16, 24, 32};
        List<Speedup.Point> points = new ArrayList<>();
        for (int n : threads) {
            Estimate s = Estimate.withoutInterval(UslFit.capacity(Math.min(n, 16), 0.04, 0.001), 0.999);
            points.add(new Speedup.Point(n, s, s.dividedBy(n)));
        }
        UslFit capped = UslFit.fit(points, 16.0);
        assertThat(capped.kappaIdentified()).isTrue();
        assertThat(capped.sigma().value()).isCloseTo(0.04, within(1e-7));
        assertThat(capped.kappa().value()).isCloseTo(0.001, within(1e-8));
        assertThat(capped.worstResidualFraction()).isLessThan(1e-7);
        assertThat(capped.predict(32)).isCloseTo(capped.predict(16), within(1e-12));
        assertThat(capped.peakThreads()).isEqualTo(16.0); // N* = sqrt(0.96 / 0.001) = 31 lies past the CPUs
        // The plain law must bend through the knee at 16 and misses the points around it.
        assertThat(UslFit.fit(points).worstResidualFraction()).isGreaterThan(0.01);
    }

    @Test
    void onTwoCpusKappaIsNotIdentifiableAndOnlySigmaIsFitted() {
        List<Speedup.Point> points = new ArrayList<>();
        double[] measured = {1, 1.9, 1.85, 1.88};
        for (int i = 0; i < measured.length; i++) {
            Estimate s = Estimate.withoutInterval(measured[i], 0.999);
            points.add(new Speedup.Point(i + 1, s, s.dividedBy(i + 1)));
        }
        UslFit fit = UslFit.fit(points, 2.0);
        assertThat(fit.kappaIdentified()).isFalse();
        assertThat(fit.kappa().value()).isZero();
        assertThat(fit.kappa().hasInterval()).isFalse();
        assertThat(fit.degreesOfFreedom()).isEqualTo(2);
        // C = 2 / (1 + sigma) for every N > 1: sigma near 2 / 1.877 - 1, with an interval from the 2 spare points.
        assertThat(fit.sigma().value()).isCloseTo(2 / 1.877 - 1, within(0.003));
        assertThat(fit.sigma().low()).isLessThan(fit.sigma().value());
        assertThat(fit.residuals()).extracting(UslFit.Residual::threads).containsExactly(1, 2, 3, 4);
        assertThat(fit.residuals().get(2).fitted()).isEqualTo(fit.residuals().get(3).fitted());
    }

    @Test
    void refusesACapOfOneCpuOrLess() {
        assertThatThrownBy(() -> UslFit.fit(synthetic(0, 0, 0, 1), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one usable CPU");
    }

    @Test
    void aSweepThatNeverGainsPeaksAtOneThread() {
        List<Speedup.Point> points = new ArrayList<>();
        double[] measured = {1, 0.8, 0.7, 0.6};
        for (int i = 0; i < measured.length; i++) {
            Estimate s = Estimate.withoutInterval(measured[i], 0.999);
            points.add(new Speedup.Point(i + 1, s, s.dividedBy(i + 1)));
        }
        UslFit fit = UslFit.fit(points, 8.0);
        assertThat(fit.sigma().value()).isGreaterThan(1);
        assertThat(fit.peakThreads()).isEqualTo(1.0);
    }
}
