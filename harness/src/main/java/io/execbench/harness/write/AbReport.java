package io.execbench.harness.write;

import io.execbench.harness.chart.XyChart;
import io.execbench.harness.chart.XyChartRenderer;
import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.MetricComparison;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The A/B page's content: benchmarks sorted by effect (most worse first), each with its paired ratio B / A and
 * interval, and a forest plot of the same, in percent worse, so that what moved is seen before it is read.
 */
public final class AbReport {

    private AbReport() {
    }

    public static AbPage page(String id, Comparison comparison) {
        List<BenchmarkComparison> sorted = new ArrayList<>(comparison.benchmarks());
        sorted.sort(Comparator.comparingDouble(AbReport::effect).reversed());
        List<AbPage.Row> rows = new ArrayList<>();
        List<XyChart.Point> points = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            BenchmarkComparison b = sorted.get(i);
            MetricComparison m = b.metrics().isEmpty() ? null : b.metrics().getFirst();
            Estimate r = m == null ? Estimate.UNKNOWN : m.ratio();
            rows.add(new AbPage.Row(i + 1, b.key().label(), b.verdict().label(), cssClass(b.verdict()),
                    r.known() ? Numbers.format(r.value()) + " [" + Numbers.format(r.low()) + ", "
                            + Numbers.format(r.high()) + "]" : m == null ? "" : Numbers.format(r.value()),
                    m == null ? "" : String.format(Locale.ROOT, "%.2g", m.pValue()),
                    m == null ? 0 : m.baselineSamples(), m == null ? "" : Numbers.format(m.baseline()),
                    m == null ? "" : Numbers.format(m.current()), b.unit(), b.reason()));
            if (r.known()) {
                double low = worsePercent(b, r.low());
                double high = worsePercent(b, r.high());
                points.add(new XyChart.Point(i + 1, worsePercent(b, r.value()), Math.min(low, high),
                        Math.max(low, high)));
            }
        }
        double threshold = comparison.settings().minEffect() * 100;
        XyChart chart = new XyChart("B against A, paired rounds", "Each benchmark's change and its "
                + Math.round((1 - comparison.settings().alpha()) * 100) + "% interval (Hodges-Lehmann); dashed: no"
                + " change and the minimum effect. Numbers match the table.",
                new XyChart.Axis("benchmark (# in the table, most worse first)", XyChart.Scale.COUNT),
                new XyChart.Axis("% worse (B against A)", XyChart.Scale.LINEAR),
                List.of(new XyChart.Series("change with interval", 0, XyChart.Style.POINTS_WITH_INTERVALS, points)),
                // Unlabelled: three labels a few pixels apart overprint each other; the subtitle says what they are.
                List.of(new XyChart.Marker(false, 0, null), new XyChart.Marker(false, threshold, null),
                        new XyChart.Marker(false, -threshold, null)));
        return new AbPage(id, comparison.currentId(), comparison.baselineId(), comparison.countsLine(),
                comparison.method(), XyChartRenderer.render(chart, "ab-forest"), rows);
    }

    /** How much worse, for sorting: a known effect first, largest first; unknown ones last. */
    private static double effect(BenchmarkComparison b) {
        if (b.metrics().isEmpty() || !b.metrics().getFirst().ratio().known()) {
            return Double.NEGATIVE_INFINITY;
        }
        return b.direction().worseness(b.metrics().getFirst().ratio().value());
    }

    /** A ratio bound as percent worse (for a throughput the two bounds swap sides). */
    private static double worsePercent(BenchmarkComparison b, double ratio) {
        return (b.direction().worseness(ratio) - 1) * 100;
    }

    private static String cssClass(Verdict verdict) {
        return switch (verdict) {
            case REGRESSED -> "failed";
            case IMPROVED -> "complete";
            case NOISY -> "partial";
            case NOT_COMPARABLE, MISSING -> "unreadable";
            case UNCHANGED -> "unchanged";
        };
    }
}
