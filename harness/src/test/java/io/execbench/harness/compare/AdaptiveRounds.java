package io.execbench.harness.compare;

import io.execbench.harness.compare.StoppingRule.Decision;
import io.execbench.harness.stats.Direction;
import java.util.Arrays;

/** Runs the stopping rule over simulated rounds the way the orchestrator will over real ones: one pair a round. */
record AdaptiveRounds(PairedComparison last, int roundsUsed, Decision decision) {

    static AdaptiveRounds run(SyntheticPairs machine, long seed, Direction direction, StoppingRule rule) {
        double[] all = machine.logRatios(seed, rule.maxRounds());
        for (int rounds = 1; ; rounds++) {
            PairedComparison comparison = PairedComparator.compare(Arrays.copyOf(all, rounds), direction,
                    ComparisonSettings.DEFAULTS);
            Decision decision = rule.decide(comparison, rounds);
            if (decision != Decision.CONTINUE) {
                return new AdaptiveRounds(comparison, rounds, decision);
            }
        }
    }
}
