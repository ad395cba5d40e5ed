package io.execbench.harness.write;

import java.util.List;

/**
 * Everything {@code report.html.mustache} shows, already formatted as text: the template only lays it out, and
 * escapes every value except {@link Section#chartSvg()}. Built by {@link ReportPageBuilder}.
 *
 * @param runId       the run id (folder name without {@code .partial})
 * @param status      {@code complete}, {@code failed}, {@code partial} or {@code unknown}
 * @param banner      the warning shown at the top, or null when the run finished cleanly
 * @param profile     the measurement budget in one line
 * @param summary     e.g. {@code 8 benchmarks, 0 failed, status complete}
 * @param environment where and how the run ran, one labelled value per row
 * @param failures    benchmarks that produced no result
 * @param sections    one chart and table per benchmark method and mode
 * @param answers     the "At a glance" cards: one per question the run answers or says it cannot
 * @param findings    sentences computed from the data, grouped under the questions, most important first
 * @param claims      the concurrency claims, each with what this run measured and a verdict
 * @param experiments the latency, models, IPC and scaling sections, only those with data
 * @param topology    the machine's CPU topology from run.json, one labelled value per row (empty if unknown)
 */
public record ReportPage(String runId, String status, Banner banner, String profile, String summary,
                         List<Field> environment, List<FailureView> failures, List<Section> sections,
                         List<AnswerView> answers, List<FindingGroup> findings, List<ClaimView> claims,
                         List<ExperimentSection> experiments, List<Field> topology) {

    public ReportPage {
        environment = List.copyOf(environment);
        failures = List.copyOf(failures);
        sections = List.copyOf(sections);
        answers = List.copyOf(answers);
        findings = List.copyOf(findings);
        claims = List.copyOf(claims);
        experiments = List.copyOf(experiments);
        topology = List.copyOf(topology);
    }

    /** For the template: whether there is any finding to list. */
    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    /** For the template: whether run.json described the topology. */
    public boolean hasTopology() {
        return !topology.isEmpty();
    }

    /**
     * One "At a glance" card.
     *
     * @param question the question
     * @param anchor   the in-page id of the section with the details
     * @param answer   the one-line answer, or null when the run cannot answer
     * @param number   the number it rests on with its interval, or null
     * @param why      why the run cannot answer, or null
     * @param chartSvg the small chart, inserted unescaped, so only a renderer may make it; null without one
     * @param linked   whether the page has the section {@code anchor} names
     */
    public record AnswerView(String question, String anchor, String answer, String number, String why,
                             String chartSvg, boolean linked) {
    }

    /** The findings on one question (or on none: {@code anchor} null), most important first. */
    public record FindingGroup(String title, String anchor, List<FindingView> findings) {
        public FindingGroup {
            findings = List.copyOf(findings);
        }
    }

    /** One finding: the short sentence shown, and the full one with every interval behind a disclosure. */
    public record FindingView(String headline, String detail) {
    }

    /**
     * One claim; {@code verdictClass} is a CSS class derived from the verdict.
     *
     * @param headline the measured sentence the verdict is decided on
     * @param measured everything measured that bears on it, shown on demand
     */
    public record ClaimView(String claim, String headline, String measured, String verdict, String verdictClass) {
    }

    /**
     * One experiment's section: notes (what it shows, what it cannot), then figures.
     *
     * @param anchor in-page id, e.g. {@code scaling}
     */
    public record ExperimentSection(String anchor, String title, List<String> notes, List<Figure> figures) {
        public ExperimentSection {
            notes = List.copyOf(notes);
            figures = List.copyOf(figures);
        }
    }

    /**
     * A chart with its table; {@code beside} puts the table next to the chart where the page is wide enough.
     *
     * @param chartSvg inserted unescaped, so only a renderer may make it; empty for a table alone
     * @param table    the numbers behind the chart, or null
     */
    public record Figure(String chartSvg, boolean beside, Table table) {
    }

    /** A sortable, filterable table. */
    public record Table(List<String> headers, List<TableRow> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    /** One row; {@code kind} is a CSS class, e.g. {@code fork} for per-fork detail rows. */
    public record TableRow(String kind, List<TableCell> cells) {
        public TableRow {
            cells = List.copyOf(cells);
        }
    }

    /** A cell's text, the key it sorts by (the exact number for numeric cells), and whether it is numeric. */
    public record TableCell(String text, String sortKey, boolean numeric) {
    }

    /** A visible notice: {@code kind} is a CSS class ({@code partial}, {@code failed}, {@code note}). */
    public record Banner(String kind, String title, String text) {
    }

    /** One labelled value. */
    public record Field(String name, String value) {
    }

    /** One failed benchmark: its name, parameters and JMH's error text (shown preformatted). */
    public record FailureView(String benchmark, String params, String error) {
    }

    /**
     * One benchmark method in one mode.
     *
     * @param anchor    in-page id, e.g. {@code result-3}
     * @param benchmark JMH's full method name
     * @param shortName the method name without its package, for the table of contents
     * @param chartSvg  the chart as an {@code <svg>} element: inserted unescaped, so only a renderer may make it
     */
    public record Section(String anchor, String benchmark, String shortName, String mode, String unit,
                          String chartSvg, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One table row: one {@code @Param} combination. The {@code *Exact} values are the numbers as JMH wrote them
     * (shown on hover), the others rounded for reading.
     */
    public record Row(String params, String mode, String score, String scoreExact, String error, String errorExact,
                      String ciLow, String ciHigh, String unit, String forks, String samples) {
    }
}
