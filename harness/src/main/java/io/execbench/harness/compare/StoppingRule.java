package io.execbench.harness.compare;

import java.util.Locale;

/**
 * When to stop adding rounds for one benchmark in an adaptive A/B comparison. Pure.
 *
 * <p>Rule: after each round the benchmark's {@link PairedComparison} is remade from all its pairs so far. Before
 * {@code minRounds} it always continues; from then on it is {@link Decision#DECIDED} as soon as its verdict is
 * {@code regressed}, {@code improved} or {@code unchanged} (the interval lies wholly beyond or wholly inside the
 * threshold), and {@link Decision#EXHAUSTED} at {@code maxRounds}, keeping the {@code noisy} verdict and the interval it
 * reached. Benchmarks that decide early free their time for the undecided ones.
 *
 * <p>Why looking after every round does not flood the verdicts with false alarms: repeated looks at a test raise its
 * false-positive rate (Armitage, McPherson and Rowe, "Repeated significance tests on accumulating data", JRSS A 132,
 * 1969), but {@code regressed} needs more than significance: the whole 99% interval must clear the minimum effect,
 * which an A/A pair with a shift of 0 almost never does. The synthetic tests measure it (no false regressions in 300
 * A/A sequences of up to 30 rounds). {@code unchanged}, decided early, can be wrong the other way only when a true
 * change lies just inside the threshold.
 *
 * @param minRounds the fewest rounds before any decision; at least {@link PairedComparator#minimumPairs} for the
 *                  comparison's alpha when each round gives one pair (8 at alpha 0.01), since fewer pairs can only
 *                  ever be {@code noisy}
 * @param maxRounds the round budget; the orchestrator may also stop earlier on a time budget
 */
public record StoppingRule(int minRounds, int maxRounds) {

    /** What to do with a benchmark after a round. */
    public enum Decision {
        /** Not yet decided and rounds are left: run it again in the next round. */
        CONTINUE,
        /** Its verdict is {@code regressed}, {@code improved} or {@code unchanged}: stop running it. */
        DECIDED,
        /** Undecided at {@code maxRounds}: stop, {@code noisy} with the interval reached. */
        EXHAUSTED
    }

    public StoppingRule {
        if (minRounds < 1 || maxRounds < minRounds) {
            throw new IllegalArgumentException("need 1 <= minRounds <= maxRounds, not " + minRounds + " and "
                    + maxRounds);
        }
    }

    /**
     * A rule whose {@code minRounds} is the fewest pairs that can decide anything at {@code settings.alpha()}
     * ({@link PairedComparator#minimumPairs}); {@code maxRounds} below that is refused, since no benchmark could
     * ever be decided.
     */
    public static StoppingRule of(ComparisonSettings settings, int maxRounds) {
        int minimum = PairedComparator.minimumPairs(settings.alpha());
        if (maxRounds < minimum) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d rounds can never decide at alpha %s: the signed-rank test needs at least %d pairs",
                    maxRounds, settings.alpha(), minimum));
        }
        return new StoppingRule(minimum, maxRounds);
    }

    /** The decision for a benchmark whose {@code comparison} was made from all pairs of {@code roundsDone} rounds. */
    public Decision decide(PairedComparison comparison, int roundsDone) {
        if (roundsDone < minRounds) {
            return Decision.CONTINUE;
        }
        if (comparison.decided()) {
            return Decision.DECIDED;
        }
        return roundsDone >= maxRounds ? Decision.EXHAUSTED : Decision.CONTINUE;
    }
}
