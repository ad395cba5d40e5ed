package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.PairedComparator;
import io.execbench.harness.compare.PairedComparison;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.stats.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Duet pairing with synthetic iteration series: CPU 1 is 6% slower than CPU 0, the host's speed drifts by up to 30%
 * from one duet to the next and by 5% from one iteration to the next (both forks see the same, as simultaneous
 * iterations do), each iteration has 1% noise of its own, and one iteration of one side is 3x slow (a neighbour's
 * burst on one CPU). No process is started and no time is measured.
 */
class DuetPairingTest {

    private static final double CPU1_SLOWER = 1.06;

    /** One duet of 3 iterations: A on {@code cpuOfA}, B on the other, B doing {@code ratio} times A's work. */
    private static DuetPairing.Leg leg(Random random, double ratio, int cpuOfA, boolean outlier) {
        double duetSpeed = 0.85 + 0.3 * random.nextDouble();
        double[] a = new double[3];
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            double speed = duetSpeed * (0.975 + 0.05 * random.nextDouble());
            a[i] = 1000 * speed * (cpuOfA == 1 ? CPU1_SLOWER : 1) * Math.exp(0.01 * random.nextGaussian());
            b[i] = 1000 * ratio * speed * (cpuOfA == 0 ? CPU1_SLOWER : 1) * Math.exp(0.01 * random.nextGaussian());
        }
        if (outlier) {
            b[1] *= 3;
        }
        return new DuetPairing.Leg(cpuOfA, 1 - cpuOfA, a, b);
    }

    /** {@code rounds} rounds of two legs with the CPUs swapped, which first alternating; round 3 has the outlier. */
    private static List<List<DuetPairing.Leg>> rounds(double ratio, int rounds, long seed) {
        Random random = new Random(seed);
        List<List<DuetPairing.Leg>> result = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            int first = r % 2;
            result.add(List.of(leg(random, ratio, first, r == 3), leg(random, ratio, 1 - first, false)));
        }
        return result;
    }

    private static PairedComparison judge(double[] logRatios) {
        return PairedComparator.compare(logRatios, Direction.LOWER_IS_BETTER, ComparisonSettings.DEFAULTS);
    }

    @Test
    void swappingCpusWithinARoundCancelsTheSixPercentCpuBias() {
        List<List<DuetPairing.Leg>> rounds = rounds(1.10, 10, 3);

        double[] roundValues = rounds.stream().mapToDouble(DuetPairing::roundLogRatio).toArray();
        double[] aOnCpu0 = rounds.stream().flatMap(List::stream).filter(l -> l.cpuOfA() == 0)
                .mapToDouble(DuetPairing.Leg::logRatio).toArray();
        double[] aOnCpu1 = rounds.stream().flatMap(List::stream).filter(l -> l.cpuOfA() == 1)
                .mapToDouble(DuetPairing.Leg::logRatio).toArray();
        double[] legsAsPairs = rounds.stream().flatMap(List::stream).mapToDouble(DuetPairing.Leg::logRatio)
                .toArray();

        PairedComparison paired = judge(roundValues);
        assertThat(paired.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(paired.ratio().value()).isBetween(1.09, 1.11);
        // Legs of one CPU assignment alone carry the bias: B on the slow CPU looks 6% worse, on the fast one better.
        assertThat(judge(aOnCpu0).ratio().value()).isBetween(1.10 * 1.05, 1.10 * 1.07);
        assertThat(judge(aOnCpu1).ratio().value()).isBetween(1.10 / 1.07, 1.10 / 1.05);
        // Legs as separate pairs are unbiased but 6% apart, so their interval is several times wider.
        PairedComparison unpaired = judge(legsAsPairs);
        double pairedWidth = Math.log(paired.ratio().high() / paired.ratio().low());
        double unpairedWidth = Math.log(unpaired.ratio().high() / unpaired.ratio().low());
        assertThat(unpairedWidth).isGreaterThan(3 * pairedWidth);
    }

    @Test
    void sameBuildOnBothCpusIsUnchangedDespiteTheBiasDriftAndOutlier() {
        double[] roundValues = rounds(1.0, 10, 5).stream().mapToDouble(DuetPairing::roundLogRatio).toArray();

        PairedComparison aa = judge(roundValues);

        assertThat(aa.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(aa.ratio().value()).isBetween(0.99, 1.01);
    }

    @Test
    void aLegsValueIsTheMedianOfItsIterationLogRatiosSoOneWildIterationDoesNotMoveIt() {
        DuetPairing.Leg leg = new DuetPairing.Leg(0, 1, new double[] {100, 200, 100},
                new double[] {110, 220, 1000});

        assertThat(leg.logRatio()).isCloseTo(Math.log(1.1), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(leg.baselineMedian()).isEqualTo(100);
        assertThat(leg.candidateMedian()).isEqualTo(220);
    }

    @Test
    void aRoundIsTheMeanOfTwoLegsWithSwappedCpus() {
        DuetPairing.Leg first = new DuetPairing.Leg(0, 1, new double[] {100}, new double[] {120});
        DuetPairing.Leg second = new DuetPairing.Leg(1, 0, new double[] {120}, new double[] {110});

        assertThat(DuetPairing.roundLogRatio(List.of(first, second)))
                .isCloseTo((Math.log(1.2) + Math.log(110 / 120.0)) / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> DuetPairing.roundLogRatio(List.of(first, first)))
                .hasMessage("a duet round is two legs with the CPUs swapped, not 2 legs on [A@0/B@1, A@0/B@1]");
        assertThatThrownBy(() -> new DuetPairing.Leg(0, 1, new double[] {1, 2}, new double[] {1}))
                .hasMessage("a duet needs as many iterations of A as of B, at least one, not 2 and 1");
        assertThatThrownBy(() -> new DuetPairing.Leg(1, 1, new double[] {1}, new double[] {1}))
                .hasMessage("a duet runs A and B on different CPUs, not both on 1");
        assertThat(Arrays.stream(first.baseline()).sum()).isEqualTo(100);
    }
}
