package io.execbench.harness.write;

import java.util.List;

/**
 * Everything {@code index.html.mustache} shows: one row per run in the results folder, newest first, the newest A/B
 * comparisons, then the history of each benchmark over the runs comparable with the newest one.
 *
 * @param resultsDir   the folder the runs were found in, relative to the reports folder
 * @param runs         the rows; empty when there is no run yet
 * @param comparisons  the A/B section, or null when the results folder holds no comparison
 * @param historyNote  which runs the history covers, or null when there is no history to show
 * @param trends       one dashboard row per benchmark, in the order shown
 */
public record IndexPage(String resultsDir, List<Entry> runs, Comparisons comparisons, String historyNote,
                        List<Trend> trends) {

    public IndexPage {
        runs = List.copyOf(runs);
        trends = List.copyOf(trends);
    }

    /** An index without comparisons or history. */
    public IndexPage(String resultsDir, List<Entry> runs) {
        this(resultsDir, runs, null, null, List.of());
    }

    /**
     * One run. {@code href} is the relative link to its report, or null when the report does not exist;
     * {@code problem} says why the folder could not be read, or is null.
     */
    public record Entry(String runId, String href, String status, String profile, String commit, String startedAt,
                        String benchmarks, String failures, String problem) {
    }

    /**
     * The A/B section: the newest comparisons found in {@code <results>/ab/}, newest first.
     *
     * @param rows    one per comparison folder
     * @param older   says how many older comparisons are not listed, or null when all are
     * @param problem why the folder could not be listed, or null
     */
    public record Comparisons(List<AbRow> rows, String older, String problem) {
        public Comparisons {
            rows = List.copyOf(rows);
        }

        /** Whether there is a row to show (not when the folder could not be listed). */
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    /**
     * One A/B comparison. Every text but {@code href} and the counts comes from its folder's name or its ab.json
     * (untrusted, shown escaped). A row with a {@code state} ({@code unfinished} or {@code unreadable}) shows only its
     * id and {@code note}.
     *
     * @param id              the folder's name without {@code .partial}
     * @param href            the relative link to its page, or null when there is none
     * @param baseline        build A's ref, e.g. {@code HEAD}
     * @param baselineCommit  build A's commit, shortened when it is a hash, or null when the ref already says it
     * @param candidate       build B's ref, e.g. {@code working tree}
     * @param candidateCommit build B's commit, likewise
     * @param profile         the profile, e.g. {@code quick}
     * @param mode            the mode asked for: {@code interleaved}, {@code duet} or {@code auto}
     * @param startedAt       when it started, in UTC
     * @param verdicts        the verdicts that at least one benchmark got, with their counts, in verdict.json's order
     * @param anyRegressed    whether a benchmark regressed, which the row marks
     * @param state           {@code unfinished} or {@code unreadable}, or null
     * @param note            what the state means for this row (an unreadable one's reason names the file), or null
     */
    public record AbRow(String id, String href, String baseline, String baselineCommit, String candidate,
                        String candidateCommit, String profile, String mode, String startedAt,
                        List<VerdictCount> verdicts, boolean anyRegressed, String state, String note) {

        public AbRow {
            verdicts = List.copyOf(verdicts);
        }

        /** A row that is only its id and a note: unfinished, or unreadable. */
        static AbRow stateOnly(String id, String state, String note) {
            return new AbRow(id, null, null, null, null, null, null, null, null, List.of(), false, state, note);
        }

        /** Whether the row is only its id and a note. */
        public boolean noted() {
            return state != null;
        }
    }

    /**
     * How many benchmarks of a comparison got one verdict, e.g. {@code 3 regressed}.
     *
     * @param text         the count and the verdict
     * @param verdictClass the verdict as a CSS class suffix, e.g. {@code not-comparable}
     * @param first        whether it is the row's first (the others follow a comma)
     */
    public record VerdictCount(String text, String verdictClass, boolean first) {
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
