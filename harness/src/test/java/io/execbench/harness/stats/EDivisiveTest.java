package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.stats.EDivisive.ChangePoint;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EDivisiveTest {

    private static double[] noise(long seed, double... levels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] series = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            series[i] = levels[i] * (1 + random.nextGaussian() * 0.01);
        }
        return series;
    }

    private static double[] steps(long seed, int[] lengths, double[] levels) {
        int total = 0;
        for (int length : lengths) {
            total += length;
        }
        double[] flat = new double[total];
        int at = 0;
        for (int s = 0; s < lengths.length; s++) {
            for (int i = 0; i < lengths[s]; i++) {
                flat[at++] = levels[s];
            }
        }
        return noise(seed, flat);
    }

    @Test
    void findsAFivePercentStepAWeekAgo() {
        double[] series = steps(1, new int[] {30, 7}, new double[] {100, 105});
        List<ChangePoint> found = EDivisive.defaults().detect(series);
        assertThat(found).extracting(ChangePoint::index).containsExactly(30);
        assertThat(found.getFirst().pValue()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void findsTwoStepsInOneHistory() {
        double[] series = steps(2, new int[] {15, 15, 15}, new double[] {100, 110, 95});
        assertThat(EDivisive.defaults().detect(series)).extracting(ChangePoint::index).containsExactly(15, 30);
    }

    /** In pure noise a change point is a false alarm; at p <= 0.01 about one series in a hundred has one. */
    @Test
    void rarelyFindsAnythingInNoise() {
        int alarms = 0;
        for (long seed = 1; seed <= 50; seed++) {
            alarms += EDivisive.defaults().detect(steps(seed, new int[] {40}, new double[] {100})).isEmpty() ? 0 : 1;
        }
        assertThat(alarms).isLessThanOrEqualTo(2);
    }

    @Test
    void aSeriesTooShortToSplitHasNoChangePoint() {
        assertThat(EDivisive.defaults().detect(new double[] {1, 2, 3, 4, 5})).isEmpty();
    }

    @Test
    void theScanMatchesTheStatisticComputedFromItsDefinition() {
        double[] z = noise(3, 1, 2, 3, 4, 10, 11, 12, 13, 14);
        EDivisive detector = new EDivisive(2, 19, 0.05, 1);
        var best = detector.bestSplit(z, 0, z.length);
        double bestDirect = Double.NEGATIVE_INFINITY;
        int bestTau = -1;
        for (int tau = 2; tau <= z.length - 2; tau++) {
            double q = direct(z, tau);
            if (q > bestDirect) {
                bestDirect = q;
                bestTau = tau;
            }
        }
        assertThat(best.index()).isEqualTo(bestTau);
        assertThat(best.statistic()).isCloseTo(bestDirect, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Q of the split at tau, straight from the paper's formula. */
    private static double direct(double[] z, int tau) {
        int m = tau;
        int n = z.length - tau;
        double between = 0;
        double withinX = 0;
        double withinY = 0;
        for (int i = 0; i < tau; i++) {
            for (int j = tau; j < z.length; j++) {
                between += Math.abs(z[i] - z[j]);
            }
            for (int k = i + 1; k < tau; k++) {
                withinX += Math.abs(z[i] - z[k]);
            }
        }
        for (int j = tau; j < z.length; j++) {
            for (int k = j + 1; k < z.length; k++) {
                withinY += Math.abs(z[j] - z[k]);
            }
        }
        double e = 2 * between / (m * n) - withinX / (m * (m - 1) / 2.0) - withinY / (n * (n - 1) / 2.0);
        return (double) m * n / (m + n) * e;
    }
}
