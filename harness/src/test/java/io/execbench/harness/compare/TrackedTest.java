package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackedTest {

    @Test
    void regressionsAndImprovementsLeadThenTheLargestChangeEitherWay() {
        List<Series> series = new ArrayList<>();
        List<BenchmarkComparison> verdicts = new ArrayList<>();
        add(series, verdicts, "a", Verdict.UNCHANGED, 1.01);
        add(series, verdicts, "b", Verdict.NOISY, 0.5);     // halved: as large a change as a doubling
        add(series, verdicts, "c", Verdict.REGRESSED, 1.05);
        add(series, verdicts, "d", Verdict.IMPROVED, 0.8);
        add(series, verdicts, "e", Verdict.NOISY, 1.9);
        series.add(series("f")); // the newest run has no verdict on it: not comparable, last

        List<Tracked> rows = Tracked.of(series, comparison(verdicts));

        assertThat(rows).map(t -> t.series().key().params().get("p")).containsExactly("d", "c", "b", "e", "a", "f");
        assertThat(rows.getLast().verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(rows.getLast().change()).isEqualTo(Estimate.UNKNOWN);
        assertThat(rows.getFirst().change().value()).isEqualTo(0.8);
    }

    @Test
    void theLastShiftIsTheNewestChangePoint() {
        Series s = new Series(key("x"), "ns/op", Direction.LOWER_IS_BETTER, List.of(), List.of(
                new Shift(2, "r3", 1, 2, true, 0.001), new Shift(5, "r6", 2, 1, false, 0.002)));

        assertThat(new Tracked(s, null).lastShift()).hasValueSatisfying(shift -> assertThat(shift.runId())
                .isEqualTo("r6"));
        assertThat(new Tracked(series("y"), null).lastShift()).isEmpty();
    }

    private static void add(List<Series> series, List<BenchmarkComparison> verdicts, String name, Verdict verdict,
                            double ratio) {
        series.add(series(name));
        verdicts.add(new BenchmarkComparison(key(name), "ns/op", Direction.LOWER_IS_BETTER, verdict, "", List.of(
                new MetricComparison("p50", 1, 9, 8, 8, new Estimate(9, 8, 10), Double.NaN, 0.03, verdict, ""),
                new MetricComparison(RunComparator.SCORE, 1, ratio, 8, 8, new Estimate(ratio, ratio - 0.01,
                        ratio + 0.01), 0.001, 0.03, verdict, ""))));
    }

    private static Series series(String name) {
        return new Series(key(name), "ns/op", Direction.LOWER_IS_BETTER, List.of(), List.of());
    }

    private static BenchmarkKey key(String name) {
        return new BenchmarkKey("x.Bench.run", "avgt", Map.of("p", name));
    }

    private static Comparison comparison(List<BenchmarkComparison> verdicts) {
        return new Comparison("new", "old", "previous in history", null, ComparisonSettings.DEFAULTS, "none",
                MachineDrift.NONE, verdicts);
    }
}
