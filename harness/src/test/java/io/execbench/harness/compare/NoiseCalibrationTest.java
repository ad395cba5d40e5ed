package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseCalibrationTest {

    @Test
    void twoRunsTenPercentApartGiveTheNinetyNinePercentBoundOnTheDifferenceOfTwoRuns() {
        // s = ln(1.1) / sqrt(2), so the floor is exp(2.576 * ln 1.1) - 1 = 1.1^2.576 - 1.
        double floor = NoiseCalibration.floor(List.of(0.0, Math.log(1.1)));

        assertThat(floor).isCloseTo(Math.pow(1.1, 2.576) - 1, within(1e-12));
        assertThat(floor).isCloseTo(0.2783, within(1e-4));
    }

    @Test
    void theFloorIsNeverBelowTheLargestDifferenceSeen() {
        List<Double> logs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            logs.add(0.0);
        }
        logs.add(Math.log(1.5)); // one run in forty 50% off: the spread is small, the largest difference is not

        assertThat(NoiseCalibration.floor(logs)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void identicalRunsHaveNoNoise() {
        assertThat(NoiseCalibration.floor(List.of(Math.log(3.0), Math.log(3.0), Math.log(3.0)))).isZero();
    }
}
