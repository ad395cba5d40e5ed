package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.PairedComparator;
import java.util.Arrays;
import java.util.List;

/**
 * How a duet's iterations become one pair for {@link PairedComparator}. Pure.
 *
 * <p>A <em>leg</em> is one duet: A's fork pinned to one CPU and B's to the other, their iterations started together.
 * Its value is the median over the measurement iterations of {@code log(B_i / A_i)}: iteration {@code i} of both
 * builds saw the same seconds of the host, so its drift cancels within each iteration pair, and the median shrugs off
 * one iteration that a neighbour's burst hit on one CPU only.
 *
 * <p>What a leg cannot cancel is the difference between the two CPUs: on this project's 2-vCPU machine one runs 5 to
 * 7% slower than the other, steadily. With A on the fast CPU a leg's log-ratio is {@code d + c}, with B on it
 * {@code d - c} ({@code d} the change, {@code c} the CPUs' log speed difference). Fed to the signed-rank test as
 * separate pairs, legs of both kinds are still symmetric about {@code d}, so the test stays valid, but every pair is
 * {@code c} (6%) away from the truth and the interval cannot shrink below about twice the minimum effect, so nothing
 * is ever decided; legs of one kind alone are biased by {@code c}. So a <em>round</em> of a duet benchmark is two legs
 * with the CPUs swapped, and its value is the mean of their two log-ratios, {@code d + (e1 + e2) / 2}: {@code c}
 * cancels exactly as long as it holds for the seconds of two legs, which the rounds' alternation itself showed. The
 * rounds are then independent, identically distributed pairs, one each, and the verdict rules stay those of the
 * interleaved rounds. A round costs two duets, the time of two forks: the same as an interleaved round.
 */
final class DuetPairing {

    private DuetPairing() {
    }

    /**
     * One duet: the CPU each build ran on, and each build's measurement iterations in order (JMH's raw data).
     *
     * @param cpuOfA     the CPU A's fork was pinned to
     * @param cpuOfB     the CPU B's fork was pinned to
     * @param baseline   A's iteration scores
     * @param candidate  B's iteration scores, as many as A's
     */
    record Leg(int cpuOfA, int cpuOfB, double[] baseline, double[] candidate) {

        Leg {
            if (baseline.length == 0 || baseline.length != candidate.length) {
                throw new IllegalArgumentException("a duet needs as many iterations of A as of B, at least one, not "
                        + baseline.length + " and " + candidate.length);
            }
            if (cpuOfA == cpuOfB) {
                throw new IllegalArgumentException("a duet runs A and B on different CPUs, not both on " + cpuOfA);
            }
            baseline = baseline.clone();
            candidate = candidate.clone();
        }

        /** The median over the iterations of {@code log(B_i / A_i)}. */
        double logRatio() {
            double[] ratios = new double[baseline.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = PairedComparator.logRatio(baseline[i], candidate[i]);
            }
            return median(ratios);
        }

        /** A's median iteration score. */
        double baselineMedian() {
            return median(baseline.clone());
        }

        /** B's median iteration score. */
        double candidateMedian() {
            return median(candidate.clone());
        }
    }

    /**
     * A round's log-ratio: the mean of its two legs', which ran with the CPUs swapped.
     *
     * @throws IllegalArgumentException unless there are two legs and the second swapped the first one's CPUs
     */
    static double roundLogRatio(List<Leg> legs) {
        if (legs.size() != 2 || legs.get(0).cpuOfA() != legs.get(1).cpuOfB()
                || legs.get(0).cpuOfB() != legs.get(1).cpuOfA()) {
            throw new IllegalArgumentException("a duet round is two legs with the CPUs swapped, not " + legs.size()
                    + " legs on " + legs.stream().map(l -> "A@" + l.cpuOfA() + "/B@" + l.cpuOfB()).toList());
        }
        return (legs.get(0).logRatio() + legs.get(1).logRatio()) / 2;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
