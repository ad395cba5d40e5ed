package io.execbench.harness.write;

import java.util.List;

/**
 * Everything {@code index.html.mustache} shows: one row per run in the results folder, newest first, then the
 * history of each benchmark over the runs comparable with the newest one.
 *
 * @param resultsDir   the folder the runs were found in, relative to the reports folder
 * @param runs         the rows; empty when there is no run yet
 * @param historyNote  which runs the history covers, or null when there is no history to show
 * @param trends       one dashboard row per benchmark, in the order shown
 */
public record IndexPage(String resultsDir, List<Entry> runs, String historyNote, List<Trend> trends) {

    public IndexPage {
        runs = List.copyOf(runs);
        trends = List.copyOf(trends);
    }

    /** An index without history. */
    public IndexPage(String resultsDir, List<Entry> runs) {
        this(resultsDir, runs, null, List.of());
    }

    /**
     * One run. {@code href} is the relative link to its report, or null when the report does not exist;
     * {@code problem} says why the folder could not be read, or is null.
     */
    public record Entry(String runId, String href, String status, String profile, String commit, String startedAt,
                        String benchmarks, String failures, String problem) {
    }

    /**
     * One benchmark's row on the dashboard and, on demand, its full history chart. {@code sparkline} and
     * {@code chart} are trusted SVG from the chart renderers (inserted unescaped); the rest is text.
     *
     * @param id           the row's anchor, a plain XML name
     * @param title        the benchmark's name, params and mode
     * @param sparkline    the small SVG of its scores
     * @param latest       the newest score and its unit
     * @param verdict      the newest run against the previous one, as compare says it ({@code regressed}, ...)
     * @param change       the newest run's change against the previous one, with its interval, or empty
     * @param lastShift    the newest change point, or {@code none}
     * @param chart        the full chart's SVG element
     * @param summary      e.g. {@code 14 runs, 1 change point}
     * @param shifts       one line per change point
     */
    public record Trend(String id, String title, String sparkline, String latest, String verdict, String change,
                        String lastShift, String chart, String summary, List<String> shifts) {
        public Trend {
            shifts = List.copyOf(shifts);
        }

        /** Whether there is any change point to list. */
        public boolean hasShifts() {
            return !shifts.isEmpty();
        }

        /** The verdict as a CSS class suffix, e.g. {@code not-comparable}. */
        public String verdictClass() {
            return verdict.replace(' ', '-');
        }
    }
}
