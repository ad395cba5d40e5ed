package io.execbench.harness.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run compared with its baseline, benchmark by benchmark.
 *
 * @param currentId       the run judged
 * @param baselineId      the run it was compared with, or null when there is none
 * @param baselineChoice  how the baseline was chosen: {@code latest comparable}, {@code pinned}, or {@code none}
 * @param notComparable   why the runs could not be compared at all, or null when they were
 * @param settings        the thresholds and test settings used
 * @param noiseModel      which calibration set the thresholds ({@code none} or the calibration runs' range)
 * @param machineDrift    how much the machine itself changed between the runs (their canaries)
 * @param benchmarks      one verdict per benchmark, in name order
 * @param test            the significance test, as {@code verdict.json} names it
 * @param method          how the verdicts were reached, one sentence for summaries (tests, thresholds, intervals)
 */
public record Comparison(String currentId, String baselineId, String baselineChoice, String notComparable,
                         ComparisonSettings settings, String noiseModel, MachineDrift machineDrift,
                         List<BenchmarkComparison> benchmarks, String test, String method) {

    public Comparison {
        benchmarks = List.copyOf(benchmarks);
    }

    /** A comparison of two runs by {@link RunComparator}: the method sentence says its tests and thresholds. */
    public Comparison(String currentId, String baselineId, String baselineChoice, String notComparable,
                      ComparisonSettings settings, String noiseModel, MachineDrift machineDrift,
                      List<BenchmarkComparison> benchmarks) {
        this(currentId, baselineId, baselineChoice, notComparable, settings, noiseModel, machineDrift, benchmarks,
                "Mann-Whitney U, two-sided, over per-iteration scores of all forks",
                String.format(Locale.ROOT, "Thresholds: at least %.1f%% or the benchmark's calibrated noise floor"
                                + " (%s); Mann-Whitney U at alpha %s; %.0f%% bootstrap intervals on the ratio of"
                                + " medians.", settings.minEffect() * 100, noiseModel, settings.alpha(),
                        settings.confidence() * 100));
    }

    /** How many benchmarks got each verdict, every verdict present (zero counts too), in declaration order. */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        benchmarks.forEach(b -> counts.merge(b.verdict(), 1, Integer::sum));
        return counts;
    }

    /** The benchmarks that regressed. */
    public List<BenchmarkComparison> regressions() {
        return benchmarks.stream().filter(b -> b.verdict() == Verdict.REGRESSED).toList();
    }

    /** E.g. {@code 1 regressed, 0 improved, 10 unchanged, 1 noisy, 0 not comparable, 0 missing}. */
    public String countsLine() {
        StringBuilder line = new StringBuilder();
        counts().forEach((verdict, count) -> line.append(line.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(verdict.label()));
        return line.toString();
    }
}
