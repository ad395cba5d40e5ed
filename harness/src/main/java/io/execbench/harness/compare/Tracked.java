package io.execbench.harness.compare;

import io.execbench.harness.stats.Estimate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One benchmark as a tracker's dashboard shows it: its history with change points, and the newest run judged against
 * the run before it by {@link RunComparator} (the same test, thresholds and noise model as {@code compare}).
 *
 * @param series its history, oldest first
 * @param latest the newest run against the previous one, or null when the comparison did not cover this benchmark
 */
public record Tracked(Series series, BenchmarkComparison latest) {

    /** Regressions and improvements first, then the largest change of the newest run (either way), then by name. */
    public static final Comparator<Tracked> LARGEST_RECENT_CHANGE_FIRST = Comparator
            .comparing((Tracked t) -> !t.moved())
            .thenComparing(Comparator.comparingDouble(Tracked::changeMagnitude).reversed())
            .thenComparing(t -> t.series().key());

    /**
     * Pairs every series with its benchmark's verdict in {@code latest} (the newest run of the history against the
     * one before it) and sorts them {@link #LARGEST_RECENT_CHANGE_FIRST}.
     */
    public static List<Tracked> of(List<Series> series, Comparison latest) {
        Map<BenchmarkKey, BenchmarkComparison> verdicts = new HashMap<>();
        latest.benchmarks().forEach(b -> verdicts.put(b.key(), b));
        return series.stream()
                .map(s -> new Tracked(s, verdicts.get(s.key())))
                .sorted(LARGEST_RECENT_CHANGE_FIRST)
                .toList();
    }

    /** The verdict on the newest run, {@link Verdict#NOT_COMPARABLE} when there is none. */
    public Verdict verdict() {
        return latest == null ? Verdict.NOT_COMPARABLE : latest.verdict();
    }

    /**
     * The newest run's score over the previous run's (ratio of iteration medians, with its bootstrap interval), as
     * compare computed it; {@link Estimate#UNKNOWN} when the two were not compared.
     */
    public Estimate change() {
        if (latest == null) {
            return Estimate.UNKNOWN;
        }
        return latest.metrics().stream()
                .filter(m -> m.metric().equals(RunComparator.SCORE))
                .map(MetricComparison::ratio)
                .findFirst().orElse(Estimate.UNKNOWN);
    }

    /** The newest change point of the history, if any. */
    public Optional<Shift> lastShift() {
        return series.shifts().isEmpty() ? Optional.empty() : Optional.of(series.shifts().getLast());
    }

    private boolean moved() {
        return verdict() == Verdict.REGRESSED || verdict() == Verdict.IMPROVED;
    }

    /** |ln ratio|: a halving counts as much as a doubling; -1 when unknown, so unknown changes sort last. */
    private double changeMagnitude() {
        double ratio = change().value();
        return Double.isFinite(ratio) && ratio > 0 ? Math.abs(Math.log(ratio)) : -1;
    }
}
