package io.execbench.harness.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The exact null distribution of the Wilcoxon signed-rank statistic {@code W+} for {@code n} pairs with no zeros and
 * no ties: each rank {@code 1..n} carries a plus sign with probability 1/2, independently, and {@code W+} is the sum
 * of the ranks that do. Pure and immutable.
 *
 * <p>Method: the recurrence {@code P_i(w) = (P_{i-1}(w) + P_{i-1}(w - i)) / 2} over ranks {@code i = 1..n}
 * (Hollander, Wolfe and Chicken, "Nonparametric Statistical Methods", 3rd ed., Wiley 2014, section 3.1), in
 * probabilities rather than counts so that nothing overflows (there are {@code 2^n} sign patterns). Only the lower
 * half {@code 0..n(n+1)/4} is tabulated: the distribution is symmetric about {@code n(n+1)/4}, and {@code P(W+ <= w)}
 * for small {@code w} only ever needs smaller {@code w} of the previous rank. Cost {@code O(n^3/4)} time and
 * {@code O(n^2/4)} memory: milliseconds for 400 pairs.
 *
 * <p>Commons Statistics' {@code WilcoxonSignedRankTest} computes the same distribution internally for its p-value but
 * does not expose it; the confidence interval of {@link HodgesLehmann} needs its quantiles.
 */
public final class SignedRankDistribution {

    /**
     * Above this many pairs {@link #criticalValue(int, double)} uses the normal approximation: at 400 pairs it is a
     * few ranks off the exact value (the standard deviation is 2,300 ranks), a coverage error in the fourth decimal.
     */
    public static final int MAX_EXACT_PAIRS = 400;

    private final int pairCount;
    /** {@code cumulative[w] = P(W+ <= w)} for {@code w = 0 .. maxStatistic / 2}. */
    private final double[] cumulative;

    private SignedRankDistribution(int pairCount, double[] cumulative) {
        this.pairCount = pairCount;
        this.cumulative = cumulative;
    }

    /** The exact distribution for {@code pairCount} pairs, 1 to {@link #MAX_EXACT_PAIRS}. */
    public static SignedRankDistribution exact(int pairCount) {
        if (pairCount < 1 || pairCount > MAX_EXACT_PAIRS) {
            throw new IllegalArgumentException("the exact signed-rank distribution needs 1 to " + MAX_EXACT_PAIRS
                    + " pairs, not " + pairCount);
        }
        int half = (int) (maxStatistic(pairCount) / 2);
        double[] density = new double[half + 1];
        density[0] = 1;
        for (int rank = 1; rank <= pairCount; rank++) {
            // Downwards, so that density[w - rank] still holds the previous rank's value when it is read.
            for (int w = half; w >= 0; w--) {
                double withRank = w >= rank ? density[w - rank] : 0;
                density[w] = (density[w] + withRank) / 2;
            }
        }
        double[] cumulative = new double[half + 1];
        double sum = 0;
        for (int w = 0; w <= half; w++) {
            sum += density[w];
            cumulative[w] = sum;
        }
        return new SignedRankDistribution(pairCount, cumulative);
    }

    /** The number of pairs {@code n}. */
    public int pairCount() {
        return pairCount;
    }

    /** The largest value {@code W+} can take, {@code n(n+1)/2} (every difference positive). */
    public static long maxStatistic(int pairCount) {
        return (long) pairCount * (pairCount + 1) / 2;
    }

    /** {@code P(W+ <= w)}; 0 below 0 and 1 from {@code n(n+1)/2} up. */
    public double cumulativeProbability(long w) {
        long max = maxStatistic(pairCount);
        if (w < 0) {
            return 0;
        }
        if (w >= max) {
            return 1;
        }
        if (w < cumulative.length) {
            return cumulative[(int) w];
        }
        // Symmetry about max/2: P(W+ <= w) = 1 - P(W+ >= w + 1) = 1 - P(W+ <= max - w - 1).
        return 1 - cumulative[(int) (max - w - 1)];
    }

    /** {@code P(W+ = w)}. */
    public double probability(long w) {
        return cumulativeProbability(w) - cumulativeProbability(w - 1);
    }

    /**
     * The lower critical value for a two-sided interval or test of coverage {@code confidence}: the largest
     * {@code k} with {@code P(W+ <= k) <= (1 - confidence) / 2}, or -1 when even {@code P(W+ <= 0) = 2^-n} is
     * larger (too few pairs for that confidence: no interval short of the whole line has the coverage asked for).
     */
    public long criticalValue(double confidence) {
        double tail = tail(confidence);
        long k = -1;
        while (k + 1 < cumulative.length && cumulative[(int) (k + 1)] <= tail) {
            k++;
        }
        return k;
    }

    /**
     * The critical value of {@link #criticalValue(double)} for any number of pairs: exact up to
     * {@link #MAX_EXACT_PAIRS}, above that from the normal approximation with a continuity correction, mean
     * {@code n(n+1)/4} and variance {@code n(n+1)(2n+1)/24} (Hollander, Wolfe and Chicken, section 3.1).
     */
    public static long criticalValue(int pairCount, double confidence) {
        if (pairCount <= MAX_EXACT_PAIRS) {
            return exact(pairCount).criticalValue(confidence);
        }
        double n = pairCount;
        double mean = n * (n + 1) / 4;
        double sd = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(tail(confidence));
        // P(W+ <= k) ~ Phi((k + 0.5 - mean) / sd) <= tail  <=>  k <= mean - 0.5 + z * sd (z is negative).
        return Math.max(-1, (long) Math.floor(mean - 0.5 + z * sd));
    }

    /** The coverage an interval cut at critical value {@code k} really has: {@code 1 - 2 P(W+ <= k)}. */
    public double coverage(long k) {
        return 1 - 2 * cumulativeProbability(k);
    }

    /** As {@link #coverage(long)} for any number of pairs, exact or normal as {@link #criticalValue(int, double)}. */
    public static double coverage(int pairCount, long k) {
        if (pairCount <= MAX_EXACT_PAIRS) {
            return exact(pairCount).coverage(k);
        }
        double n = pairCount;
        double z = (k + 0.5 - n * (n + 1) / 4) / Math.sqrt(n * (n + 1) * (2 * n + 1) / 24);
        return 1 - 2 * NormalDistribution.of(0, 1).cumulativeProbability(z);
    }

    private static double tail(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
        return (1 - confidence) / 2;
    }
}
