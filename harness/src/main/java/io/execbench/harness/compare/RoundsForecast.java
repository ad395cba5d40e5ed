package io.execbench.harness.compare;

import io.execbench.harness.stats.Stats;
import java.util.Arrays;
import java.util.OptionalInt;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How many pairs an undecided ({@code noisy}) benchmark would need to be decided, from the spread its log-ratios
 * showed so far: the note of an A/A run reports it for the benchmarks left {@code noisy}. Pure.
 *
 * <p>Method: the spread is {@code sigma = 1.4826 * MAD} of the log-ratios (the median absolute deviation, scaled to
 * estimate a normal standard deviation; Hampel 1974), which one wild pair does not inflate. The Hodges-Lehmann
 * interval's half-width at {@code n} pairs is then about {@code z * sigma * sqrt(pi / (3n))}, {@code z} the normal
 * quantile at {@code 1 - alpha/2} ({@code pi/3} is the Hodges-Lehmann estimator's asymptotic variance relative to a
 * mean's for normal data: Hodges and Lehmann 1963). Assuming the estimate {@code m} stays where it is, the interval
 * stops reaching across the nearest threshold boundary {@code ±log(1 + t)} once the half-width is below the distance
 * {@code d = | |m| - log(1 + t) |}: {@code n = (z * sigma * sqrt(pi/3) / d)^2}.
 *
 * <p>Why not scale the observed interval by {@code sqrt(n_now / n)}: at few pairs a wild pair owns the outermost
 * {@code n} Walsh averages, so one end of the interval sits on it and is far wider than the spread of the rest (at 99%
 * until about 15 pairs); extrapolating that end overstates the rounds needed a hundredfold. The flip side: this
 * forecast ignores wild pairs, which delay a decision by their own rule (one wild pair against the change: no
 * significance at 99% before 15 pairs). A rough guide, not a promise; an estimate sitting on the boundary can never
 * be decided.
 */
public final class RoundsForecast {

    /** Forecasts beyond this are reported as "not reachable": a benchmark that far off needs fixing, not rounds. */
    public static final int MAX_FORECAST_PAIRS = 100_000;

    /** Makes the MAD of normal data estimate its standard deviation: {@code 1 / Phi^-1(3/4)}. */
    private static final double MAD_TO_SD = 1.482602218505602;

    private RoundsForecast() {
    }

    /**
     * The pairs (rounds, one pair a round) that {@code comparison} would need for its interval to lie wholly inside or
     * wholly beyond its threshold: at least its own {@code pairCount} and the fewest pairs its alpha can ever decide
     * with; empty when the estimate lies exactly on the threshold or the forecast exceeds {@link #MAX_FORECAST_PAIRS}.
     *
     * @param comparison the comparison made from {@code logRatios}
     * @param logRatios  the log-ratios it was made from
     */
    public static OptionalInt pairsNeeded(PairedComparison comparison, double[] logRatios) {
        if (logRatios.length != comparison.pairCount()) {
            throw new IllegalArgumentException("the comparison has " + comparison.pairCount() + " pairs, not "
                    + logRatios.length);
        }
        double alpha = 1 - comparison.confidence();
        double floor = Math.max(comparison.pairCount(), PairedComparator.minimumPairs(alpha));
        if (comparison.decided()) {
            return OptionalInt.of(comparison.pairCount());
        }
        double distance = Math.abs(Math.abs(Math.log(comparison.ratio().value()))
                - Math.log1p(comparison.threshold()));
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - alpha / 2);
        double width = z * spread(logRatios) * Math.sqrt(Math.PI / 3);
        double needed = Math.ceil(Math.pow(width / distance, 2));
        if (!(needed <= MAX_FORECAST_PAIRS)) {
            return OptionalInt.empty(); // also NaN: a spread of 0 on the boundary
        }
        return OptionalInt.of((int) Math.max(floor, needed));
    }

    /** {@code 1.4826 * MAD}: a standard deviation that one wild pair does not inflate. */
    static double spread(double[] logRatios) {
        double centre = Stats.median(logRatios);
        double[] deviations = Arrays.stream(logRatios).map(d -> Math.abs(d - centre)).toArray();
        return MAD_TO_SD * Stats.median(deviations);
    }
}
