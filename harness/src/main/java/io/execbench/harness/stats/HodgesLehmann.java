package io.execbench.harness.stats;

import java.util.Arrays;

/**
 * The Hodges-Lehmann estimate of the centre of paired differences and its distribution-free confidence interval.
 * Pure.
 *
 * <p>Method: the {@code M = n(n+1)/2} Walsh averages {@code (d_i + d_j) / 2, i <= j}, sorted. The estimate is their
 * median (Hodges and Lehmann, "Estimates of location based on rank tests", Ann. Math. Statist. 34, 1963). The
 * interval runs from the {@code (k+1)}-th smallest to the {@code (k+1)}-th largest, with {@code k} the lower critical
 * value of the Wilcoxon signed-rank statistic ({@link SignedRankDistribution#criticalValue(int, double)}): the
 * set of shifts the signed-rank test would not reject, so the interval and the test always agree (Bauer,
 * "Constructing confidence sets using rank statistics", JASA 67, 1972; Hollander, Wolfe and Chicken,
 * "Nonparametric Statistical Methods", 3rd ed., 2014, section 3.3).
 *
 * <p>Why this and not a mean with a t interval: one wild pair (a cold first round, a noisy neighbour) moves a mean
 * by its whole size divided by {@code n}, but moves the median of the Walsh averages by at most about one rank. It
 * assumes only that the differences are symmetric about their centre, which log-ratios of paired runs nearly are.
 *
 * <p>Zeros and ties need no special case: the Walsh averages include them, and ties among the averages only make
 * the interval's true coverage a little larger than stated.
 */
public final class HodgesLehmann {

    /** The most differences accepted: 3000 pairs make 4.5 million Walsh averages (36 MB). */
    public static final int MAX_PAIRS = 3000;

    private HodgesLehmann() {
    }

    /**
     * A location shift and its interval, in the units of the differences (on log-ratios: a log-ratio).
     *
     * @param estimate  the median of the Walsh averages
     * @param low       the interval's lower end; {@code -Infinity} when too few pairs for the confidence asked for
     * @param high      the interval's upper end; {@code +Infinity} likewise
     * @param coverage  the coverage the interval really has (at least the confidence asked for; the signed-rank
     *                  distribution is discrete), 1 for the unbounded interval
     * @param pairCount the number of differences {@code n}
     */
    public record Shift(double estimate, double low, double high, double coverage, int pairCount) {

        /** Whether both ends are finite: false when there were too few pairs for the confidence asked for. */
        public boolean bounded() {
            return Double.isFinite(low) && Double.isFinite(high);
        }
    }

    /**
     * The estimate and its interval of coverage at least {@code confidence} for the centre of {@code differences}.
     *
     * @param differences paired differences, finite, at least one; not modified
     * @param confidence  the coverage asked for, e.g. 0.99
     */
    public static Shift estimate(double[] differences, double confidence) {
        double[] walsh = walshAverages(differences);
        int n = differences.length;
        long k = SignedRankDistribution.criticalValue(n, confidence);
        double estimate = median(walsh);
        if (k < 0) {
            return new Shift(estimate, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1, n);
        }
        // The (k+1)-th smallest is walsh[k]; the (k+1)-th largest is walsh[M - 1 - k].
        int lowIndex = (int) k;
        int highIndex = walsh.length - 1 - lowIndex;
        return new Shift(estimate, walsh[lowIndex], walsh[highIndex], SignedRankDistribution.coverage(n, k), n);
    }

    /** The median of the Walsh averages alone. */
    public static double estimate(double[] differences) {
        return median(walshAverages(differences));
    }

    /**
     * All {@code n(n+1)/2} Walsh averages of {@code differences}, sorted ascending: {@code O(n^2 log n)} time and
     * {@code n^2/2} doubles, 45,150 of them (a few milliseconds) for 300 pairs.
     */
    public static double[] walshAverages(double[] differences) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no differences to estimate from");
        }
        if (n > MAX_PAIRS) {
            throw new IllegalArgumentException("at most " + MAX_PAIRS + " differences, not " + n);
        }
        double[] walsh = new double[(int) SignedRankDistribution.maxStatistic(n)];
        int next = 0;
        for (int i = 0; i < n; i++) {
            double di = differences[i];
            if (!Double.isFinite(di)) {
                throw new IllegalArgumentException("difference " + i + " is not a finite number: " + di);
            }
            for (int j = i; j < n; j++) {
                // Halves first: d_i + d_j could overflow where their mean does not.
                walsh[next++] = di / 2 + differences[j] / 2;
            }
        }
        Arrays.sort(walsh);
        return walsh;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : sorted[middle - 1] / 2 + sorted[middle] / 2;
    }
}
