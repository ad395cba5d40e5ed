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
        assertThat(sizes.getFirst().size()).isBetween(90, 100);
        assertThat(sizes.get(2).size()).isBetween(9_800, 10_100);
        assertThat(sizes.getLast().size()).isBetween(990_000, 1_010_000);
    }

    @Test
    void leavesOutTargetsTheSizesCannotReach() {
        // size 1 already takes 5 us; the largest size allowed, 1024, takes about 5 ms
        List<Calibration.Size> sizes = new Calibration("fixtures.Slow", "units", List.of(
                new Calibration.Timing(1, 5_000), new Calibration.Timing(1024, 5_120_000)))
                .sizesFor(Calibration.TARGETS_NS);

        assertThat(sizes).extracting(Calibration.Size::targetNs).containsExactly(10_000L, 100_000L, 1_000_000L,
                10_000_000L);
        assertThat(sizes.getLast()).isEqualTo(new Calibration.Size(1024, 10_000_000L, 5_120_000L));
    }

    @Test
    void twoTargetsOnOneSizeKeepTheFirst() {
        List<Calibration.Size> sizes = new Calibration("fixtures.Flat", "units", List.of(
                new Calibration.Timing(1, 900), new Calibration.Timing(2, 1_000_000))).sizesFor(
                List.of(1_000L, 1_500L));

        assertThat(sizes).extracting(Calibration.Size::size).containsExactly(1);
    }
}
