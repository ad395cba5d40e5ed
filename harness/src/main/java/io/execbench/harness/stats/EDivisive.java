package io.execbench.harness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points in a series by E-divisive means (Matteson and James, "A Nonparametric Approach for Multiple Change
 * Point Analysis of Multivariate Data", JASA 2014), implemented from the paper's description. Pure.
 *
 * <p>For a segment split at {@code tau} into {@code X} (before) and {@code Y} (after), of sizes {@code m} and
 * {@code n}, the divergence is the scaled energy distance
 * <pre>
 *   Q = m n / (m + n) * ( 2/(m n) sum |x - y|  -  2/(m (m - 1)) sum_{i<k} |x_i - x_k|  -  2/(n (n - 1)) sum_{j<k} |y_j - y_k| )
 * </pre>
 * (exponent alpha = 1), which is large when the two sides differ in any way: level, spread or shape. Change points
 * are found one at a time: the split with the largest {@code Q} over all current segments is tested by permutation
 * (the values are shuffled within each segment, which destroys any change inside it, and the best split of the
 * shuffled series recomputed); it is accepted when at most a fraction {@code pThreshold} of permutations do as well,
 * and the search goes on in the segments it leaves. Deterministic: the permutations come from a fixed seed.
 *
 * <p>Each scan of a segment costs O(length^2), by updating the three sums as the split moves right.
 */
public final class EDivisive {

    /** A change point: the series' values from {@code index} on differ from those before it. */
    public record ChangePoint(int index, double statistic, double pValue) {
    }

    private final int minSegment;
    private final int permutations;
    private final double pThreshold;
    private final long seed;

    /**
     * @param minSegment   the fewest values either side of a change point (at least 2)
     * @param permutations permutations per test (999 gives p-values down to 0.001)
     * @param pThreshold   the largest p-value accepted
     * @param seed         the permutations' seed
     */
    public EDivisive(int minSegment, int permutations, double pThreshold, long seed) {
        if (minSegment < 2 || permutations < 19 || !(pThreshold > 0 && pThreshold < 1)) {
            throw new IllegalArgumentException("needs minSegment >= 2, permutations >= 19 and 0 < p < 1");
        }
        this.minSegment = minSegment;
        this.permutations = permutations;
        this.pThreshold = pThreshold;
        this.seed = seed;
    }

    /**
     * The usual settings: segments of at least 3 runs, up to 999 permutations, p at most 0.01. Every benchmark's
     * history is tested every night, so a loose level would mark false change points somewhere each time; 999
     * permutations resolve p near 0.01, which a short history with a recent step needs.
     */
    public static EDivisive defaults() {
        return new EDivisive(3, 999, 0.01, 20261126L);
    }

    /** The change points of {@code series}, in index order. */
    public List<ChangePoint> detect(double[] series) {
        List<ChangePoint> found = new ArrayList<>();
        List<Integer> bounds = new ArrayList<>(List.of(0, series.length)); // segment starts, then the end
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            Split best = bestSplit(series, bounds);
            if (best == null) {
                break;
            }
            int atLeastAsLarge = 0;
            // Once this many permutations did as well, p exceeds the threshold whatever the rest do: stop early, so
            // that the common case (no change) costs a few permutations, not all of them.
            int hopeless = (int) Math.floor(pThreshold * (permutations + 1.0));
            double[] shuffled = series.clone();
            for (int r = 0; r < permutations && atLeastAsLarge < hopeless; r++) {
                shuffleWithinSegments(shuffled, bounds, random);
                Split permuted = bestSplit(shuffled, bounds);
                // A tie counts as "as large"; the tolerance keeps rounding from deciding ties (runs often repeat
                // a value exactly, and some permutations then rebuild the observed split).
                if (permuted != null && permuted.statistic >= best.statistic * (1 - 1e-9)) {
                    atLeastAsLarge++;
                }
            }
            double p = (atLeastAsLarge + 1.0) / (permutations + 1.0);
            if (atLeastAsLarge >= hopeless || p > pThreshold) {
                break;
            }
            found.add(new ChangePoint(best.index, best.statistic, p));
            bounds.add(best.index);
            bounds.sort(null);
        }
        found.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return found;
    }

    record Split(int index, double statistic) {
    }

    private Split bestSplit(double[] z, List<Integer> bounds) {
        Split best = null;
        for (int s = 0; s + 1 < bounds.size(); s++) {
            Split candidate = bestSplit(z, bounds.get(s), bounds.get(s + 1));
            if (candidate != null && (best == null || candidate.statistic > best.statistic)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The best split of {@code z[start, end)}, or null when the segment is too short to split. */
    Split bestSplit(double[] z, int start, int end) {
        if (end - start < 2 * minSegment) {
            return null;
        }
        // Running sums for the split at tau: within X = [start, tau), within Y = [tau, end), between X and Y.
        int tau = start + minSegment;
        double withinX = 0;
        double withinY = 0;
        double between = 0;
        for (int i = start; i < end; i++) {
            for (int k = i + 1; k < end; k++) {
                double d = Math.abs(z[i] - z[k]);
                if (k < tau) {
                    withinX += d;
                } else if (i >= tau) {
                    withinY += d;
                } else {
                    between += d;
                }
            }
        }
        Split best = null;
        for (; tau <= end - minSegment; tau++) {
            double q = statistic(withinX, withinY, between, tau - start, end - tau);
            if (best == null || q > best.statistic) {
                best = new Split(tau, q);
            }
            if (tau == end - minSegment) {
                break;
            }
            // Move z[tau] from Y to X.
            double toX = 0;
            for (int i = start; i < tau; i++) {
                toX += Math.abs(z[i] - z[tau]);
            }
            double toY = 0;
            for (int k = tau + 1; k < end; k++) {
                toY += Math.abs(z[tau] - z[k]);
            }
            withinX += toX;
            withinY -= toY;
            between += toY - toX;
        }
        return best;
    }

    private static double statistic(double withinX, double withinY, double between, int m, int n) {
        double e = 2 * between / ((double) m * n) - 2 * withinX / ((double) m * (m - 1))
                - 2 * withinY / ((double) n * (n - 1));
        return (double) m * n / (m + n) * e;
    }

    private static void shuffleWithinSegments(double[] z, List<Integer> bounds, SplittableRandom random) {
        for (int s = 0; s + 1 < bounds.size(); s++) {
            int start = bounds.get(s);
            for (int i = bounds.get(s + 1) - 1; i > start; i--) {
                int j = start + random.nextInt(i - start + 1);
                double t = z[i];
                z[i] = z[j];
                z[j] = t;
            }
        }
    }
}
