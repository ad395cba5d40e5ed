package io.execbench.harness.compare;

import static io.execbench.harness.stats.Direction.HIGHER_IS_BETTER;
import static io.execbench.harness.stats.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairedComparatorTest {

    private static final ComparisonSettings SETTINGS = ComparisonSettings.DEFAULTS;
    private static final int SEEDS = 500;

    @Test
    void alphaOfOnePercentNeedsEightPairs() {
        assertThat(PairedComparator.minimumPairs(0.01)).isEqualTo(8);
        assertThat(PairedComparator.minimumPairs(0.05)).isEqualTo(6);
        assertThat(PairedComparator.minimumPairs(0.001)).isEqualTo(11);
    }

    @Test
    void findsATenPercentRegressionThroughDriftAndAWildPairIn12Rounds() {
        double[] logRatios = SyntheticPairs.noisyMachine(1.10).logRatios(1, 12);
        PairedComparison comparison = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
        assertThat(comparison.ratio().value()).isBetween(1.07, 1.13);
        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(comparison.pValue()).isLessThan(0.01);
        assertThat(comparison.pairCount()).isEqualTo(12);
        assertThat(comparison.coverage()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void detectsATenPercentRegressionIn12RoundsForAlmostEverySeed() {
        int regressed = 0;
        int estimateInRange = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            double[] logRatios = SyntheticPairs.noisyMachine(1.10).logRatios(seed, 12);
            PairedComparison comparison = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
            regressed += comparison.verdict() == Verdict.REGRESSED ? 1 : 0;
            estimateInRange += comparison.ratio().value() >= 1.07 && comparison.ratio().value() <= 1.13 ? 1 : 0;
        }
        // Observed: 488 of 500 regressed, 475 of 500 estimates within 1.07-1.13 (sd of a pair's log-ratio 0.042).
        assertThat(regressed).isGreaterThanOrEqualTo(SEEDS * 95 / 100);
        assertThat(estimateInRange).isGreaterThanOrEqualTo(SEEDS * 92 / 100);
    }

    @Test
    void aBuildAgainstItselfIsAlmostNeverRegressed() {
        int regressed = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            double[] logRatios = SyntheticPairs.noisyMachine(1.0).logRatios(seed, 12);
            regressed += PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS).verdict() == Verdict.REGRESSED
                    ? 1 : 0;
        }
        // Observed: 0 of 500.
        assertThat(regressed).isLessThanOrEqualTo(SEEDS / 100);
    }

    @Test
    void theTestAloneIsSignificantInAboutAlphaOfBuildsAgainstThemselves() {
        // No wild pair here: it would sit on one side and halve the chances. The exact size of the 1% test at 12
        // pairs is 2 * 19 / 4096 = 0.93%; it is the threshold, not the test, that keeps A/A verdicts quiet.
        SyntheticPairs clean = new SyntheticPairs(1.0, 0.15, 0.03, -1, 1);
        int significant = 0;
        int seeds = 2000;
        for (long seed = 0; seed < seeds; seed++) {
            double p = PairedComparator.compare(clean.logRatios(seed, 12), LOWER_IS_BETTER, SETTINGS).pValue();
            significant += p < SETTINGS.alpha() ? 1 : 0;
        }
        // Observed: 20 of 2000; binomial(2000, 0.0093) has mean 18.6 and sd 4.3.
        assertThat(significant).isBetween(6, 32);
    }

    @Test
    void oneWildPairAgainstTheChangeDelaysTheVerdictToFifteenPairs() {
        // Its log-ratio takes rank n on the wrong side, so the smallest p is 2 P(W+ <= n): 0.0134 for 14 pairs,
        // 0.0084 for 15. The estimate itself is not moved.
        SyntheticPairs coldBaseline = SyntheticPairs.noisyMachine(1.10).withWildFactor(1 / 3.0);
        PairedComparison at14 = PairedComparator.compare(coldBaseline.logRatios(1, 14), LOWER_IS_BETTER, SETTINGS);
        assertThat(at14.pValue()).isGreaterThan(0.01);
        assertThat(at14.ratio().value()).isBetween(1.07, 1.13);
        assertThat(at14.verdict()).isEqualTo(Verdict.NOISY);
        int regressedAt16 = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            double[] logRatios = coldBaseline.logRatios(seed, 16);
            regressedAt16 += PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS).verdict()
                    == Verdict.REGRESSED ? 1 : 0;
        }
        // Observed: 379 of 500 at 16 pairs (0 of 500 at 12).
        assertThat(regressedAt16).isGreaterThan(SEEDS * 2 / 3);
    }

    @Test
    void theRankEstimateShrugsOffTheWildPairWhereAMeanDoesNot() {
        double[] logRatios = SyntheticPairs.noisyMachine(1.10).logRatios(1, 12);
        double meanRatio = Math.exp(Arrays.stream(logRatios).average().orElseThrow());
        double rankRatio = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS).ratio().value();
        assertThat(rankRatio).isBetween(1.07, 1.13);
        // log(3) / 12 = 0.09 added to the mean of the logs: about 20% worse instead of 10%.
        assertThat(meanRatio).isGreaterThan(1.18);
    }

    @Test
    void aThroughputTenPercentLowerIsARegression() {
        // Throughput: B does 10% fewer ops/s, and its cold round a third; read as times, an improvement.
        double[] logRatios = SyntheticPairs.noisyMachine(0.90).withWildFactor(1 / 3.0).logRatios(3, 12);
        assertThat(PairedComparator.compare(logRatios, HIGHER_IS_BETTER, SETTINGS).verdict())
                .isEqualTo(Verdict.REGRESSED);
        assertThat(PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS).verdict())
                .isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void aTightIntervalAroundOneIsUnchanged() {
        double[] logRatios = new SyntheticPairs(1.0, 0.15, 0.003, -1, 1).logRatios(4, 10);
        PairedComparison comparison = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
        assertThat(comparison.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(comparison.decided()).isTrue();
    }

    @Test
    void fewerPairsThanTheTestNeedsAreNoisyWithNoInterval() {
        double[] logRatios = SyntheticPairs.noisyMachine(1.5).logRatios(5, 7);
        PairedComparison comparison = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
        assertThat(comparison.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(comparison.unbounded()).isTrue();
        assertThat(comparison.ratio().low()).isZero();
        assertThat(comparison.ratio().high()).isInfinite();
        assertThat(comparison.pValue()).isCloseTo(2 / 128.0, within(1e-12)); // all 7 one way: the floor
        assertThat(comparison.reason()).contains("no 99% CI from 7 pairs: 8 needed");
    }

    @Test
    void identicalScoresEveryRoundAreUnchangedWithPOne() {
        PairedComparison comparison = PairedComparator.compare(new double[10], LOWER_IS_BETTER, SETTINGS);
        assertThat(comparison.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(comparison.pValue()).isEqualTo(1.0);
        assertThat(comparison.ratio().value()).isEqualTo(1.0);
    }

    @Test
    void theReasonStatesChangeIntervalTestPairsAndThreshold() {
        double[] logRatios = {0.08, 0.09, 0.10, 0.11, 0.12, 0.095, 0.105, 0.085, 0.115, 0.102};
        PairedComparison comparison = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
        // 10 pairs at 99%: k = 3 (P(W+ <= 3) = 5/1024), so the 4th smallest Walsh average: after 0.08,
        // (0.08 + 0.085) / 2 and 0.085 comes (0.08 + 0.09) / 2 = 0.085.
        assertThat(Math.log(comparison.ratio().low())).isCloseTo(0.085, within(1e-12));
        // The 4th largest: after 0.12, 0.1175 and 0.115 comes (0.11 + 0.12) / 2 = 0.115; exp(0.115) = 1.122.
        assertThat(Math.log(comparison.ratio().high())).isCloseTo(0.115, within(1e-12));
        // All ten one way, no ties: the exact p is 2 / 2^10.
        assertThat(comparison.reason()).isEqualTo("10.5% worse (99% CI 8.9% worse to 12.2% worse), "
                + "Wilcoxon p=0.0020, 10 pairs, threshold 3.0%");
    }

    @Test
    void tiedLogRatiosFallBackToTheNormalApproximation() {
        // 0.10 twice: no exact p; the normal approximation with tie correction is less extreme than 2 / 2^10.
        double[] logRatios = {0.08, 0.09, 0.10, 0.11, 0.12, 0.095, 0.105, 0.085, 0.115, 0.10};
        PairedComparison comparison = PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
        assertThat(comparison.pValue()).isBetween(0.004, 0.008);
        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSED);
    }
}
