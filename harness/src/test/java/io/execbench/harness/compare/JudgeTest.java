package io.execbench.harness.compare;

import static io.execbench.harness.stats.Direction.HIGHER_IS_BETTER;
import static io.execbench.harness.stats.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Units;
import org.junit.jupiter.api.Test;

class JudgeTest {

    private static Verdict judge(Direction direction, double ratio, double low, double high, double p) {
        return Judge.judge(direction, new Estimate(ratio, low, high), p, 0.01, 0.03, "", 0.99).verdict();
    }

    @Test
    void flagsRegressionWhenTheWholeIntervalIsBeyondTheThreshold() {
        assertThat(judge(LOWER_IS_BETTER, 1.10, 1.07, 1.13, 0.0001)).isEqualTo(Verdict.REGRESSED);
        // the same ratio on a throughput is an improvement
        assertThat(judge(HIGHER_IS_BETTER, 1.10, 1.07, 1.13, 0.0001)).isEqualTo(Verdict.IMPROVED);
        assertThat(judge(HIGHER_IS_BETTER, 0.90, 0.88, 0.92, 0.0001)).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void anIntervalReachingIntoTheThresholdIsNoisyNotRegressed() {
        assertThat(judge(LOWER_IS_BETTER, 1.10, 1.01, 1.25, 0.0001)).isEqualTo(Verdict.NOISY);
    }

    @Test
    void aLargeChangeWithoutSignificanceIsNoisy() {
        assertThat(judge(LOWER_IS_BETTER, 1.10, 1.07, 1.13, 0.2)).isEqualTo(Verdict.NOISY);
    }

    @Test
    void anIntervalInsideTheThresholdIsUnchangedEvenWhenSignificant() {
        assertThat(judge(LOWER_IS_BETTER, 1.01, 0.995, 1.02, 0.5)).isEqualTo(Verdict.UNCHANGED);
        assertThat(judge(LOWER_IS_BETTER, 1.02, 1.01, 1.035, 0.0001)).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aWideIntervalAroundNoChangeIsNoisy() {
        assertThat(judge(LOWER_IS_BETTER, 1.0, 0.8, 1.25, 0.9)).isEqualTo(Verdict.NOISY);
    }

    @Test
    void theReasonStatesChangeIntervalPAndThreshold() {
        var judgement = Judge.judge(LOWER_IS_BETTER, new Estimate(1.10, 1.07, 1.13), 0.0002, 0.01, 0.03,
                " (set by the calibrated noise floor)", 0.99);
        assertThat(judgement.reason()).isEqualTo("10.0% worse (99% CI 7.0% worse to 13.0% worse), p=0.00020, "
                + "threshold 3.0% (set by the calibrated noise floor)");
    }

    @Test
    void unitsConvertWithinAKindOnly() {
        assertThat(Units.factor("us/op", "ns/op").orElseThrow()).isCloseTo(1000.0, within(1e-9));
        assertThat(Units.factor("ops/ms", "ops/s").orElseThrow()).isCloseTo(1000.0, within(1e-9));
        assertThat(Units.factor("ns/op", "ops/s")).isEmpty();
        assertThat(Units.factor("bogus", "ns/op")).isEmpty();
        assertThat(Direction.of("avgt", "ops/ms")).isEqualTo(HIGHER_IS_BETTER);
        assertThat(Direction.of("thrpt", "us/op")).isEqualTo(LOWER_IS_BETTER);
    }

    @Test
    void smallSamplesCannotReachSignificance() {
        assertThat(RunComparator.smallestPossiblePValue(3, 3)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(RunComparator.smallestPossiblePValue(8, 8)).isLessThan(0.001);
    }
}
