package io.execbench.harness.compare;

import static io.execbench.harness.stats.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.stats.Estimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsForecastTest {

    private static final ComparisonSettings SETTINGS = ComparisonSettings.DEFAULTS;

    private static PairedComparison compare(double[] logRatios) {
        return PairedComparator.compare(logRatios, LOWER_IS_BETTER, SETTINGS);
    }

    @Test
    void aDecidedBenchmarkNeedsNoMorePairs() {
        double[] logRatios = SyntheticPairs.noisyMachine(1.10).logRatios(1, 12);
        PairedComparison regressed = compare(logRatios);
        assertThat(regressed.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(RoundsForecast.pairsNeeded(regressed, logRatios)).hasValue(12);
    }

    @Test
    void theSpreadIgnoresTheWildPair() {
        double[] logRatios = SyntheticPairs.noisyMachine(1.0).logRatios(1, 40);
        // Each pair's log-ratio has sd 0.03 * sqrt(2) = 0.042; the 3x pair would double a standard deviation.
        assertThat(RoundsForecast.spread(logRatios)).isBetween(0.03, 0.055);
    }

    @Test
    void anEstimateOnTheThresholdGivesNoForecast() {
        double onThreshold = Math.exp(Math.log1p(0.03));
        PairedComparison stuck = new PairedComparison(new Estimate(onThreshold, 1.0, 1.06), 0.99, 0.99, 0.02, 3,
                LOWER_IS_BETTER, 0.03, Verdict.NOISY, "");
        assertThat(RoundsForecast.pairsNeeded(stuck, new double[] {0.0, 0.03, 0.06})).isEmpty();
    }

    @Test
    void tooFewPairsAreForecastAtLeastTheMinimum() {
        double[] logRatios = {0.001, -0.001, 0.0005, -0.0005, 0.0};
        assertThat(RoundsForecast.pairsNeeded(compare(logRatios), logRatios)).hasValue(8);
    }

    @Test
    void aNoisyBuildAgainstItselfIsMostlyDecidedByTheForecastRound() {
        SyntheticPairs machine = SyntheticPairs.noisyMachine(1.0);
        int forecasts = 0;
        int decidedByForecast = 0;
        List<Integer> pairsNeeded = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++) {
            double[] first = machine.logRatios(seed, 10);
            PairedComparison noisy = compare(first);
            var needed = RoundsForecast.pairsNeeded(noisy, first);
            assertThat(noisy.verdict()).isEqualTo(Verdict.NOISY);
            if (needed.isEmpty() || needed.getAsInt() > 400) {
                continue;
            }
            forecasts++;
            pairsNeeded.add(needed.getAsInt());
            decidedByForecast += compare(machine.logRatios(seed, needed.getAsInt())).decided() ? 1 : 0;
        }
        // Half-width 2.58 * 0.042 * 1.02 / sqrt(n) below 0.0296 minus |estimate|: 15 pairs for an estimate of
        // exactly 1, more the further it strays. The estimate keeps moving, so only about half are decided by then.
        // Observed (500 seeds): median forecast 41 pairs (quartiles 20 and 121); 58% decided by the forecast round.
        Collections.sort(pairsNeeded);
        assertThat(pairsNeeded.get(pairsNeeded.size() / 2)).isBetween(15, 100);
        assertThat(forecasts).isGreaterThan(150);
        assertThat(decidedByForecast).isGreaterThan(forecasts * 4 / 10);
    }
}
