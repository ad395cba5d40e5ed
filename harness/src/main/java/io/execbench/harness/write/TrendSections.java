package io.execbench.harness.write;

import io.execbench.harness.chart.ReportCharts;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.History;
import io.execbench.harness.compare.HistoryReader;
import io.execbench.harness.compare.MachineDrift;
import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.compare.RunComparator;
import io.execbench.harness.compare.Series;
import io.execbench.harness.compare.Shift;
import io.execbench.harness.compare.Tracked;
import io.execbench.harness.read.CanaryReadings;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.stats.EDivisive;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The index page's history, as a tracker's dashboard: the runs comparable with the newest finished one, one row per
 * benchmark (a sparkline, the newest score, the newest run's verdict and change against the run before it, the
 * newest change point), the largest recent change first, each with its full chart on demand, whose points link to
 * their runs' reports when those exist.
 *
 * @param note       which runs the history covers and how the rows are judged and sorted, or null when there is none
 * @param trends     one per benchmark, in the order shown
 * @param unreadable runs left out of the history because they could not be read in full, each with the reason
 */
public record TrendSections(String note, List<IndexPage.Trend> trends, List<RunListing> unreadable) {

    /** No history: fewer than two comparable runs. */
    public static final TrendSections NONE = new TrendSections(null, List.of(), List.of());

    /** As below, judged without a noise model. */
    public static TrendSections of(List<RunListing> listings, Path reportsDir) {
        return of(listings, reportsDir, NoiseModel.NONE, "none");
    }

    /**
     * Builds the history of {@code listings} (oldest first); {@code reportsDir} decides which points get links, and
     * {@code noise} (described by {@code noiseLabel}) sets compare's thresholds when it applies to the newest run.
     */
    public static TrendSections of(List<RunListing> listings, Path reportsDir, NoiseModel noise, String noiseLabel) {
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
        List<Tracked> rows = Tracked.of(series, latest(runs, noise, noiseLabel));
        List<IndexPage.Trend> trends = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            trends.add(row(rows.get(i), "trend-" + (i + 1), reportsDir));
        }
        String note = runs.size() + " runs comparable with " + newest.get().folder().id() + " (machine "
                + newest.get().info().machineFingerprint() + ", profile " + newest.get().info().profile().name()
                + "). Verdict and change: the newest run against the one before it, judged as compare judges"
                + " (Mann-Whitney U over iterations, 95% bootstrap interval on the ratio of medians, noise model "
                + noiseLabel + "). Rows: regressions and improvements first, then the largest change either way."
                + " Change points by E-divisive means with a permutation test (p <= 0.01); open a row for its chart"
                + " (oldest run first).";
        return new TrendSections(note, trends, read.unreadable());
    }

    /** The newest run judged against the one before it, with the machine's own drift when both read canaries. */
    private static Comparison latest(List<Run> runs, NoiseModel noise, String noiseLabel) {
        Run previous = runs.get(runs.size() - 2);
        Run newest = runs.getLast();
        boolean applies = noise.appliesTo(newest.info().machineFingerprint(), newest.info().profile().name());
        ComparisonSettings settings = ComparisonSettings.DEFAULTS;
        MachineDrift drift = MachineDrift.of(canary(previous), canary(newest), settings);
        return RunComparator.compare(previous, newest, "previous in history", applies ? noise : NoiseModel.NONE,
                applies ? noiseLabel : "none", drift, settings);
    }

    /** A run's canary readings; an unreadable canary.json only loses the machine's drift, never the index. */
    private static Optional<CanaryReadings> canary(Run run) {
        try {
            return CanaryReadings.read(run.folder().dir());
        } catch (RunReadException e) {
            return Optional.empty();
        }
    }

    private static IndexPage.Trend row(Tracked tracked, String id, Path reportsDir) {
        Series s = tracked.series();
        String title = s.key().label();
        String latest = s.points().isEmpty() ? Numbers.NOT_AVAILABLE
                : Numbers.format(s.points().getLast().score()) + " " + s.unit();
        String sparkline = ReportCharts.sparkline(s, title + ": " + summary(s) + ", newest " + latest);
        String chart = ReportCharts.trend(s, id + "-chart", runId -> href(reportsDir, runId));
        return new IndexPage.Trend(id, title, sparkline, latest, tracked.verdict().label(), change(tracked.change()),
                tracked.lastShift().map(shift -> lastShift(shift, s)).orElse("none"), chart, summary(s),
                s.shifts().stream().map(shift -> describe(shift, s.unit())).toList());
    }

    /** E.g. {@code +10.2% [+8.1%, +12.3%]}; empty when the runs were not compared. */
    static String change(Estimate ratio) {
        if (!Double.isFinite(ratio.value())) {
            return "";
        }
        String change = percent(ratio.value());
        return ratio.hasInterval() ? change + " [" + percent(ratio.low()) + ", " + percent(ratio.high()) + "]"
                : change;
    }

    /** E.g. {@code +10.2% worse at run 3 of 3}, runs numbered as the full chart numbers them. */
    static String lastShift(Shift shift, Series series) {
        return percent(shift.ratio()) + (shift.worse() ? " worse" : " better") + " at run " + (shift.index() + 1)
                + " of " + series.points().size();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
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
