package io.execbench.harness.compare;

import static io.execbench.harness.stats.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.compare.StoppingRule.Decision;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    private static final StoppingRule RULE = StoppingRule.of(ComparisonSettings.DEFAULTS, 30);
    private static final int SEEDS = 300;

    @Test
    void minimumRoundsFollowFromAlpha() {
        assertThat(RULE.minRounds()).isEqualTo(8);
        assertThatThrownBy(() -> StoppingRule.of(ComparisonSettings.DEFAULTS, 7))
                .hasMessageContaining("at least 8 pairs");
    }

    @Test
    void aBuildAgainstItselfEndsUnchangedOrNoisyNeverRegressed() {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (long seed = 0; seed < SEEDS; seed++) {
            AdaptiveRounds run = AdaptiveRounds.run(SyntheticPairs.noisyMachine(1.0), seed, LOWER_IS_BETTER, RULE);
            verdicts.merge(run.last().verdict(), 1, Integer::sum);
            if (run.decision() == Decision.EXHAUSTED) {
                assertThat(run.roundsUsed()).isEqualTo(30);
                assertThat(run.last().verdict()).isEqualTo(Verdict.NOISY);
            }
        }
        // Observed: 168 unchanged, 132 noisy at 30 rounds, 0 regressed or improved; 26.7 rounds on average
        // (a pair's log-ratio has sd 0.042 here, so ruling out 3% takes 15 pairs at the very least).
        assertThat(verdicts).doesNotContainKeys(Verdict.REGRESSED, Verdict.IMPROVED);
        assertThat(verdicts.getOrDefault(Verdict.UNCHANGED, 0)).isGreaterThan(SEEDS / 2);
    }

    @Test
    void aTenPercentRegressionStopsEarlyAsRegressed() {
        int regressed = 0;
        int roundsUsed = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            AdaptiveRounds run = AdaptiveRounds.run(SyntheticPairs.noisyMachine(1.10), seed, LOWER_IS_BETTER, RULE);
            regressed += run.last().verdict() == Verdict.REGRESSED ? 1 : 0;
            roundsUsed += run.roundsUsed();
        }
        // Observed: 300 of 300, 8.7 rounds on average, 17 at most.
        assertThat(regressed).isEqualTo(SEEDS);
        assertThat((double) roundsUsed / SEEDS).isLessThan(10);
    }

    @Test
    void anUndecidedBenchmarkIsExhaustedAtTheBudgetAndStaysNoisy() {
        SyntheticPairs wild = new SyntheticPairs(1.03, 0.15, 0.15, 2, 3);
        AdaptiveRounds run = AdaptiveRounds.run(wild, 1, LOWER_IS_BETTER, new StoppingRule(8, 12));
        assertThat(run.decision()).isEqualTo(Decision.EXHAUSTED);
        assertThat(run.roundsUsed()).isEqualTo(12);
        assertThat(run.last().verdict()).isEqualTo(Verdict.NOISY);
        assertThat(run.last().ratio().known()).isTrue();
    }

    @Test
    void nothingIsDecidedBeforeTheMinimumRounds() {
        double[] logRatios = SyntheticPairs.noisyMachine(1.3).logRatios(1, 9);
        PairedComparison regressed = PairedComparator.compare(logRatios, LOWER_IS_BETTER, ComparisonSettings.DEFAULTS);
        assertThat(regressed.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(new StoppingRule(10, 20).decide(regressed, 9)).isEqualTo(Decision.CONTINUE);
        assertThat(new StoppingRule(9, 20).decide(regressed, 9)).isEqualTo(Decision.DECIDED);
    }
}
