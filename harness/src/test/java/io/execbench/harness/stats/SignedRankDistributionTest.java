package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class SignedRankDistributionTest {

    @Test
    void fivePairsMatchTheTextbookTable() {
        // Subsets of {1..5} by their sum, w = 0..15: 32 sign patterns in all.
        int[] counts = {1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 1, 1, 1};
        SignedRankDistribution five = SignedRankDistribution.exact(5);
        for (int w = 0; w < counts.length; w++) {
            assertThat(five.probability(w)).as("P(W+ = %d)", w).isCloseTo(counts[w] / 32.0, within(1e-15));
        }
        assertThat(five.cumulativeProbability(-1)).isZero();
        assertThat(five.cumulativeProbability(15)).isEqualTo(1.0);
    }

    @Test
    void agreesWithBruteForceEnumerationOfSignPatterns() {
        for (int n = 1; n <= 14; n++) {
            long[] counts = new long[(int) SignedRankDistribution.maxStatistic(n) + 1];
            for (int signs = 0; signs < 1 << n; signs++) {
                int w = 0;
                for (int rank = 1; rank <= n; rank++) {
                    w += (signs >> (rank - 1) & 1) * rank;
                }
                counts[w]++;
            }
            SignedRankDistribution exact = SignedRankDistribution.exact(n);
            long below = 0;
            for (int w = 0; w < counts.length; w++) {
                below += counts[w];
                assertThat(exact.cumulativeProbability(w)).as("n=%d w=%d", n, w)
                        .isCloseTo((double) below / (1 << n), within(1e-13));
            }
        }
    }

    @Test
    void criticalValuesMatchPublishedTables() {
        // Two-sided 5%, n = 10: reject for W+ <= 8 (P = 25/1024 = 0.0244; P(W+ <= 9) = 33/1024 = 0.0322).
        assertThat(SignedRankDistribution.exact(10).criticalValue(0.95)).isEqualTo(8);
        // Two-sided 5%, n = 8: P(W+ <= 3) = 5/256 = 0.0195, P(W+ <= 4) = 7/256 = 0.0273.
        assertThat(SignedRankDistribution.exact(8).criticalValue(0.95)).isEqualTo(3);
        assertThat(SignedRankDistribution.exact(8).coverage(3)).isCloseTo(1 - 10 / 256.0, within(1e-15));
        // Two-sided 1%: 8 pairs are the fewest with any critical value (2^-8 <= 0.005 < 2^-7).
        assertThat(SignedRankDistribution.exact(7).criticalValue(0.99)).isEqualTo(-1);
        assertThat(SignedRankDistribution.exact(8).criticalValue(0.99)).isEqualTo(0);
    }

    @Test
    void agreesWithCommonsStatisticsExactPValues() {
        SplittableRandom random = new SplittableRandom(7);
        WilcoxonSignedRankTest test = WilcoxonSignedRankTest.withDefaults().with(PValueMethod.EXACT);
        for (int n : new int[] {6, 12, 25, 60}) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextGaussian() + 0.3;
            }
            var result = test.test(z);
            long w = (long) result.getStatistic();
            SignedRankDistribution exact = SignedRankDistribution.exact(n);
            double twoSided = Math.min(1, 2 * Math.min(exact.cumulativeProbability(w),
                    1 - exact.cumulativeProbability(w - 1)));
            assertThat(twoSided).as("n=%d", n).isCloseTo(result.getPValue(), within(1e-12));
        }
    }

    @Test
    void normalApproximationCoversAlmostExactlyWhatWasAskedAtTheSwitch() {
        int n = SignedRankDistribution.MAX_EXACT_PAIRS;
        SignedRankDistribution exact = SignedRankDistribution.exact(n);
        double mean = n * (n + 1) / 4.0;
        double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
        long approximate = (long) Math.floor(mean - 0.5 - 2.5758293035489 * sd);
        // A few ranks apart out of an sd of 2,300 ranks: the coverage differs in the fourth decimal.
        assertThat(Math.abs(approximate - exact.criticalValue(0.99))).isLessThan(20);
        assertThat(exact.coverage(approximate)).isCloseTo(0.99, within(2e-4));
        // Above the switch, the approximation: a thousand pairs in no time, coverage close to what was asked.
        long k = SignedRankDistribution.criticalValue(1000, 0.99);
        assertThat(SignedRankDistribution.coverage(1000, k)).isBetween(0.99, 0.9901);
    }

    @Test
    void refusesImpossibleArguments() {
        assertThatThrownBy(() -> SignedRankDistribution.exact(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedRankDistribution.exact(5).criticalValue(1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
