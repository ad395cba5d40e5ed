package io.execbench.harness.write;

import io.execbench.harness.chart.ReportCharts;
import io.execbench.harness.compare.History;
import io.execbench.harness.compare.HistoryReader;
import io.execbench.harness.compare.Series;
import io.execbench.harness.compare.Shift;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.stats.EDivisive;
import io.execbench.harness.stats.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The index page's history: the runs comparable with the newest finished one, as one chart per benchmark with its
 * change points, each point linked to its run's report when that exists.
 *
 * @param note       which runs the history covers, or null when there is none to show
 * @param trends     one per benchmark
 * @param unreadable runs left out of the history because they could not be read in full, each with the reason
 */
public record TrendSections(String note, List<IndexPage.Trend> trends, List<RunListing> unreadable) {

    /** No history: fewer than two comparable runs. */
    public static final TrendSections NONE = new TrendSections(null, List.of(), List.of());

    /** Builds the history of {@code listings} (oldest first); {@code reportsDir} decides which points get links. */
    public static TrendSections of(List<RunListing> listings, Path reportsDir) {
        Optional<RunListing> newest = HistoryReader.newestFinished(listings);
        if (newest.isEmpty()) {
            return NONE;
        }
        HistoryReader.Read read = HistoryReader.comparableRuns(newest.get(), listings);
        List<Run> runs = read.runs();
        if (runs.size() < 2) {
            return new TrendSections(null, List.of(), read.unreadable());
        }
        List<Series> series = History.of(runs, EDivisive.defaults());
        List<IndexPage.Trend> trends = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String svg = ReportCharts.trend(s, "trend-" + (i + 1), id -> href(reportsDir, id));
            trends.add(new IndexPage.Trend(s.key().label(), svg, summary(s), s.shifts().stream()
                    .map(shift -> describe(shift, s.unit())).toList()));
        }
        String note = runs.size() + " runs comparable with " + newest.get().folder().id() + " (machine "
                + newest.get().info().machineFingerprint() + ", profile " + newest.get().info().profile().name()
                + "), oldest first; change points by E-divisive means with a permutation test (p <= 0.01).";
        return new TrendSections(note, trends, read.unreadable());
    }

    /** E-g. {@code 14 runs, 1 change point}. */
    static String summary(Series series) {
        int n = series.shifts().size();
        return series.points().size() + " runs, " + (n == 0 ? "no change point" : n + " change point" + (n > 1 ? "s" : ""));
    }

    /** E.g. {@code from run 2026-...: 1021 -> 1125 ns/op (+10.2%, worse), p=0.005}. */
    public static String describe(Shift shift, String unit) {
        return String.format(Locale.ROOT, "from run %s: %s -> %s %s (%+.1f%%, %s), p=%.3f", shift.runId(),
                Numbers.format(shift.before()), Numbers.format(shift.after()), unit, (shift.ratio() - 1) * 100,
                shift.worse() ? "worse" : "better", shift.pValue());
    }

    private static String href(Path reportsDir, String runId) {
        try {
            return Files.isRegularFile(ReportWriter.reportFile(reportsDir, runId)) ? IndexWriter.link(runId) : null;
        } catch (IllegalArgumentException e) {
            return null; // not a usable folder name: no link
        }
    }
}
