package io.execbench.harness.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BreakEvenTest {

    private static BreakEven.Point point(int workUnits, double low, double value, double high) {
        return new BreakEven.Point(workUnits, new Estimate(value, low, high));
    }

    @Test
    void smallestSizeFromWhichEveryLargerSizeBeatsInline() {
        BreakEven breakEven = BreakEven.of("fixedPool", List.of(
                point(3_333_333, 1.9, 1.95, 2.0), point(333, 0.05, 0.06, 0.07), point(33_333, 1.5, 1.7, 1.9)));

        assertThat(breakEven).isEqualTo(new BreakEven("fixedPool", OptionalInt.of(33_333), OptionalInt.of(333),
                3_333_333));
        assertThat(breakEven.reached()).isTrue();
    }

    @Test
    void notReachedWhenTheLargestSizeDoesNotBeatInline() {
        BreakEven breakEven = BreakEven.of("eventLoop", List.of(
                point(333, 0.2, 0.3, 0.4), point(3_333_333, 0.98, 0.99, 1.0)));

        assertThat(breakEven.reached()).isFalse();
        assertThat(breakEven).isEqualTo(new BreakEven("eventLoop", OptionalInt.empty(), OptionalInt.empty(),
                3_333_333));
    }

    @Test
    void aSmallSizeThatWinsByLuckIsNotTheBreakEven() {
        // Wins at 333, loses at 33 333 (interval touches 1), wins at 3 333 333: break-even is the largest size.
        BreakEven breakEven = BreakEven.of("virtual", List.of(
                point(333, 1.01, 1.1, 1.2), point(33_333, 0.9, 1.2, 1.5), point(3_333_333, 1.8, 1.9, 2.0)));

        assertThat(breakEven.workUnits()).hasValue(3_333_333);
        assertThat(breakEven.lastLosingSize()).hasValue(33_333);
    }

    @Test
    void winningAtTheSmallestSizeHasNoLosingSize() {
        BreakEven breakEven = BreakEven.of("forkJoin", List.of(point(333, 1.1, 1.2, 1.3)));
        assertThat(breakEven.workUnits()).hasValue(333);
        assertThat(breakEven.lastLosingSize()).isEmpty();
    }

    @Test
    void noPointsIsAnError() {
        assertThatThrownBy(() -> BreakEven.of("processes", List.of()))
                .hasMessage("processes: no measured task size to find a break-even in");
    }
}
