package io.execbench.harness.write;

import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.Verdict;
import java.util.List;

/**
 * Lays a {@link Comparison} out as a short Markdown summary for a CI job summary ({@code $GITHUB_STEP_SUMMARY}):
 * the counts, then one table row per benchmark that is not {@code unchanged}, regressions first. Every name from
 * jmh.json is escaped, since job summaries render HTML.
 */
public final class MarkdownSummary {

    private static final List<Verdict> LISTED = List.of(Verdict.REGRESSED, Verdict.IMPROVED, Verdict.NOISY,
            Verdict.MISSING, Verdict.NOT_COMPARABLE);

    private MarkdownSummary() {
    }

    /** The summary's text. */
    public static String render(Comparison comparison) {
        StringBuilder md = new StringBuilder();
        md.append("### execbench: ").append(comparison.regressions().isEmpty() ? "no regression" : "REGRESSION")
                .append("\n\n");
        md.append("Run `").append(code(comparison.currentId())).append("` against ");
        if (comparison.baselineId() == null) {
            md.append("no baseline");
        } else {
            md.append("baseline `").append(code(comparison.baselineId())).append("` (")
                    .append(comparison.baselineChoice()).append(')');
        }
        md.append(": ").append(comparison.countsLine()).append(".\n\n");
        if (comparison.notComparable() != null) {
            md.append("Not compared: ").append(text(comparison.notComparable())).append("\n");
            return md.toString();
        }
        List<BenchmarkComparison> rows = LISTED.stream()
                .flatMap(v -> comparison.benchmarks().stream().filter(b -> b.verdict() == v))
                .toList();
        if (!rows.isEmpty()) {
            md.append("| verdict | benchmark | unit | why |\n|---|---|---|---|\n");
            for (BenchmarkComparison row : rows) {
                md.append("| ").append(row.verdict() == Verdict.REGRESSED ? "**regressed**" : row.verdict().label())
                        .append(" | ").append(text(row.key().label()))
                        .append(" | ").append(text(row.unit()))
                        .append(" | ").append(text(row.reason())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("Machine canary: ").append(text(comparison.machineDrift().describe())).append(".\n\n");
        md.append(text(comparison.method())).append('\n');
        return md.toString();
    }

    /** Text for a table cell: HTML and Markdown specials escaped, one line. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text inside a code span: a backtick would end it. */
    private static String code(String raw) {
        return raw.replace('`', '\'').replace('\n', ' ');
    }
}
