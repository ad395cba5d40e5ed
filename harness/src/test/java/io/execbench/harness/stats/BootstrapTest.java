package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.stats.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static Samples samples(SplittableRandom random, int forks, int iterations, double scale) {
        double[][] data = new double[forks][iterations];
        for (double[] fork : data) {
            for (int i = 0; i < iterations; i++) {
                fork[i] = (100 + random.nextGaussian() * 2) * scale;
            }
        }
        return new Samples(Arrays.asList(data));
    }

    @Test
    void sameInputsAndSeedGiveTheSameInterval() {
        Samples a = samples(new SplittableRandom(1), 2, 8, 1);
        Samples b = samples(new SplittableRandom(2), 2, 8, 1);
        Estimate first = Bootstrap.ratioOfMedians(a, b, 2000, 0.99, Bootstrap.random(7, "x"));
        Estimate second = Bootstrap.ratioOfMedians(a, b, 2000, 0.99, Bootstrap.random(7, "x"));
        assertThat(first).isEqualTo(second);
    }

    /**
     * A property over random samples: scaling every sample of one side by 1.1 scales the ratio and both ends of its
     * interval by exactly 1.1 (the resampling draws do not depend on the values), and the interval holds the ratio.
     */
    @RepeatedTest(20)
    void scalingOneSideScalesTheRatioAndItsInterval(org.junit.jupiter.api.RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        int forks = 1 + random.nextInt(4);
        Samples base = samples(random, forks, 3 + random.nextInt(20), 1);
        Samples other = samples(random, forks, 3 + random.nextInt(20), 1);
        Samples scaled = new Samples(other.forks().stream()
                .map(fork -> Arrays.stream(fork).map(v -> v * 1.1).toArray()).toList());
        Estimate plain = Bootstrap.ratioOfMedians(base, other, 500, 0.99, Bootstrap.random(3, "y"));
        Estimate slower = Bootstrap.ratioOfMedians(base, scaled, 500, 0.99, Bootstrap.random(3, "y"));
        assertThat(slower.value()).isCloseTo(plain.value() * 1.1, within(1e-9));
        assertThat(slower.low()).isCloseTo(plain.low() * 1.1, within(1e-9));
        assertThat(slower.high()).isCloseTo(plain.high() * 1.1, within(1e-9));
        assertThat(plain.value()).isBetween(plain.low(), plain.high());
    }

    @Test
    void aClearShiftHasAnIntervalAroundIt() {
        SplittableRandom random = new SplittableRandom(11);
        Samples base = samples(random, 3, 10, 1);
        Samples slower = samples(random, 3, 10, 1.10);
        Estimate ratio = Bootstrap.ratioOfMedians(base, slower, 2000, 0.99, Bootstrap.random(5, "z"));
        assertThat(ratio.low()).isBetween(1.05, 1.10);
        assertThat(ratio.high()).isBetween(1.10, 1.15);
    }

    @Test
    void forkSpreadIsTheRatioOfTheExtremeForkMedians() {
        Samples samples = new Samples(List.of(new double[] {10, 11, 12}, new double[] {13, 12, 14}));
        assertThat(samples.forkSpread()).isCloseTo(13.0 / 11 - 1, within(1e-12));
        assertThat(new Samples(List.<double[]>of(new double[] {1, 2})).forkSpread()).isZero();
    }
}
