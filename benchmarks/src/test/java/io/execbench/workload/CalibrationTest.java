package io.execbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static Calibration linear(long nanosPerUnit, int largest) {
        List<Calibration.Timing> timings = new java.util.ArrayList<>();
        for (int size = 1; size <= largest; size *= 2) {
            timings.add(new Calibration.Timing(size, 50 + nanosPerUnit * size));
        }
        return new Calibration("fixtures.Linear", "units", timings);
    }

    @Test
    void interpolatesEachTargetBetweenTheTwoMeasuredSizesAroundIt() {
        // 10 ns per unit plus 50 ns a call: 1 us lies between 64 (690 ns) and 128 (1330 ns)
        List<Calibration.Size> sizes = linear(10, 1 << 21).sizesFor(Calibration.TARGETS_NS);

        assertThat(sizes).extracting(Calibration.Size::targetNs).containsExactlyElementsOf(Calibration.TARGETS_NS);
        // 95, 995, 9995, ... exactly; rounded to the 1-2-5 grid so that the next run chooses the same sizes
        assertThat(sizes).extracting(Calibration.Size::size).containsExactly(100, 1_000, 10_000, 100_000, 1_000_000);
        assertThat(sizes.getFirst().estimatedNs()).isBetween(1_040L, 1_060L); // 64 -> 690 ns, 128 -> 1330 ns
    }

    @Test
    void leavesOutTargetsTheSizesCannotReach() {
        // size 1 already takes 5 us; the largest size allowed, 1024, takes about 5 ms
        List<Calibration.Size> sizes = new Calibration("fixtures.Slow", "units", List.of(
                new Calibration.Timing(1, 5_000), new Calibration.Timing(1024, 5_120_000)))
                .sizesFor(Calibration.TARGETS_NS);

        assertThat(sizes).extracting(Calibration.Size::targetNs).containsExactly(10_000L, 100_000L, 1_000_000L,
                10_000_000L);
        assertThat(sizes).extracting(Calibration.Size::size).containsExactly(2, 20, 200, 1000);
        assertThat(sizes.getLast()).isEqualTo(new Calibration.Size(1000, 10_000_000L, 5_000_000L));
    }

    @Test
    void twoTargetsOnOneSizeKeepTheFirst() {
        List<Calibration.Size> sizes = new Calibration("fixtures.Flat", "units", List.of(
                new Calibration.Timing(1, 900), new Calibration.Timing(2, 1_000_000))).sizesFor(
                List.of(1_000L, 1_500L));

        assertThat(sizes).extracting(Calibration.Size::size).containsExactly(1);
    }

    @Test
    void roundsToOneTwoOrFiveTimesAPowerOfTen() {
        // two calibrations of one task on a busy machine: 463 and 612 bytes for 1 us, both 500
        assertThat(List.of(1.0, 1.4, 463.0, 612.0, 7_607.0, 78_151.0, 7_724_029.0)).extracting(Calibration::roundToGrid)
                .containsExactly(1L, 1L, 500L, 500L, 10_000L, 100_000L, 10_000_000L);
    }
}
