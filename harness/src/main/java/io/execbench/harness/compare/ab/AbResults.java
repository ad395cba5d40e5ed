package io.execbench.harness.compare.ab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.MachineDrift;
import io.execbench.harness.compare.MetricComparison;
import io.execbench.harness.compare.PairedComparison;
import io.execbench.harness.compare.RoundsForecast;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Estimate;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Turns an A/B session's tracks into the comparison every verdict writer already knows ({@link Comparison}: one
 * {@code score (paired)} metric per benchmark, B against A) and writes {@code ab.json}, the pairing itself:
 * <pre>{@code
 * { "formatVersion": 1, "kind": "ab", "mode": "auto", "profile": "quick", "startedAt": ..., "endedAt": ...,
 *   "a": {"ref": "main~1", "commit": "..."}, "b": {"ref": "working tree", "commit": "..."},
 *   "alpha": 0.01, "minEffect": 0.03, "minRounds": 8, "maxRounds": 20,
 *   "forkBudget": {"warmupIterations": 1, "warmupTimeMs": 200, "measurementIterations": 3, "measurementTimeMs": 200},
 *   "multiThreadedForkBudget": {...},
 *   "benchmarks": [ { "benchmark": "...", "mode": "avgt", "params": {...}, "unit": "ns/op", "verdict": "regressed",
 *       "ratio": 1.104, "low": 1.079, "high": 1.126, "pValue": 0.0002, "reason": "...", "failure": null,
 *       "runMode": "interleaved",
 *       "pairs": [ {"round": 1, "first": "B", "a": 1021.5, "b": 1125.0}, ... ] } ] }
 * }</pre>
 * {@code forkBudget} is each fork's JMH budget (the profile's), {@code multiThreadedForkBudget} that of the
 * benchmarks of suites that start threads or processes of their own ({@link Plan.Budget#multiThreaded}).
 * {@code mode} is what was asked ({@code interleaved}, {@code duet} or {@code auto}), {@code runMode} what each
 * benchmark ran as ({@code interleaved} or {@code duet}). {@code a} and {@code b} of an interleaved pair are each
 * build's fork statistic: the median of its measurement iterations (of its samples for SampleTime). A duet pair has
 * {@code "first": "both"}, {@code a} and {@code b} the geometric means of each build's two duet medians,
 * {@code logRatio} the pair's value, and {@code legs}: per duet {@code {"cpuA": 0, "cpuB": 1, "a": [iterations],
 * "b": [iterations], "logRatio": median of log(b_i / a_i)}} ({@link DuetPairing}).
 */
public final class AbResults {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AbResults() {
    }

    /** The verdicts as a {@link Comparison} of build B ({@code currentId}) against build A. */
    public static Comparison comparison(String id, Build a, Build b, List<AbSession.Track> tracks, int rounds,
                                        ComparisonSettings settings, String profile, int maxRounds,
                                        Plan.Budget budget) {
        List<BenchmarkComparison> benchmarks = tracks.stream().map(track -> benchmark(track, settings)).toList();
        long duets = tracks.stream().filter(track -> track.mode.equals("duet")).count();
        String drift = "A/B in one sitting: " + rounds + " rounds, each pairing "
                + (duets == 0 ? "one fork of each build run back to back"
                : duets == tracks.size() ? "two duets of the builds (run at once, CPUs swapped)"
                : "one fork of each build run back to back (or two duets of them, run at once with the CPUs swapped)")
                + ", so the machine's drift cancels within each pair";
        boolean multiThreaded = tracks.stream().anyMatch(track -> AbMode.multiThreaded(track.key));
        String forks = " (forks of " + budget.describe() + (multiThreaded ? "; " + budget.multiThreaded().describe()
                + " for suites that start threads or processes of their own" : "") + ")";
        String method = String.format(Locale.ROOT, "Profile %s%s, one fork per build per round, %d paired rounds at"
                + " most after an unpaired warm-up round, benchmarks shuffled per round and the builds of a pair run"
                + " back to back in a random order" + (duets == 0 ? "" : " (interleaved), or as two duets with the"
                + " CPUs swapped, iterations paired (duet; each benchmark's mode is in its reason)")
                + "; an interleaved pair compares the forks' median iterations (median samples for SampleTime)"
                + "; Wilcoxon signed-rank test on the pairs' log-ratios at alpha %s, Hodges-Lehmann ratio with its"
                + " %.0f%% distribution-free interval; regressed or improved only when significant and the whole"
                + " interval lies beyond %.1f%%.", profile, forks, maxRounds, settings.alpha(),
                (1 - settings.alpha()) * 100, settings.minEffect() * 100);
        return new Comparison(id + " (B: " + b.ref() + ")", a.ref() + " (A, " + shortCommit(a) + ")",
                "A/B, paired rounds in one sitting", null, settings, "none (paired in one sitting)",
                new MachineDrift(List.of(), 0, drift, false), benchmarks,
                "Wilcoxon signed-rank, two-sided, on the paired rounds' log-ratios", method);
    }

    private static void budgetNode(ObjectNode node, Plan.Budget budget) {
        node.put("warmupIterations", budget.warmupIterations()).put("warmupTimeMs", budget.warmupTimeMs())
                .put("measurementIterations", budget.measurementIterations())
                .put("measurementTimeMs", budget.measurementTimeMs());
    }

    private static BenchmarkComparison benchmark(AbSession.Track track, ComparisonSettings settings) {
        if (track.failure != null) {
            return new BenchmarkComparison(track.key, "", Direction.LOWER_IS_BETTER, Verdict.NOT_COMPARABLE,
                    track.mode + ": " + track.failure, List.of());
        }
        PairedComparison c = track.comparison;
        String unit = track.pairs.isEmpty() ? "" : track.pairs.getFirst().unit();
        if (c == null) {
            return new BenchmarkComparison(track.key, unit, Direction.LOWER_IS_BETTER, Verdict.NOISY,
                    track.mode + ": no paired round finished", List.of());
        }
        double[] as = track.pairs.stream().mapToDouble(AbSession.Pair::baseline).sorted().toArray();
        double[] bs = track.pairs.stream().mapToDouble(AbSession.Pair::candidate).sorted().toArray();
        String reason = track.mode + ": " + (c.verdict() == Verdict.NOISY // how it was measured, then the verdict
                ? c.reason() + "; " + forecast(c, track.logRatios()) : c.reason());
        MetricComparison metric = new MetricComparison("score (paired)", median(as), median(bs), as.length,
                bs.length, c.ratio(), c.pValue(), c.threshold(), c.verdict(), reason);
        return new BenchmarkComparison(track.key, unit, c.direction(), c.verdict(), reason, List.of(metric));
    }

    /** The text of {@code ab.json}: both builds, the settings, and per benchmark its verdict and every pair. */
    public static String json(Comparison comparison, Build a, Build b, List<AbSession.Track> tracks,
                              String profile, Instant startedAt, Instant endedAt, int minRounds, int maxRounds,
                              String mode, Plan.Budget budget) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", 1).put("kind", "ab").put("mode", mode).put("profile", profile)
                .put("startedAt", startedAt.toString()).put("endedAt", endedAt.toString());
        root.putObject("a").put("ref", a.ref()).put("commit", a.commit());
        root.putObject("b").put("ref", b.ref()).put("commit", b.commit());
        root.put("alpha", comparison.settings().alpha()).put("minEffect", comparison.settings().minEffect())
                .put("minRounds", minRounds).put("maxRounds", maxRounds);
        budgetNode(root.putObject("forkBudget"), budget);
        budgetNode(root.putObject("multiThreadedForkBudget"), budget.multiThreaded());
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (int i = 0; i < tracks.size(); i++) {
            AbSession.Track track = tracks.get(i);
            BenchmarkComparison verdict = comparison.benchmarks().get(i);
            ObjectNode node = benchmarks.addObject();
            node.put("benchmark", track.key.benchmark()).put("mode", track.key.mode());
            track.key.params().forEach(node.putObject("params")::put);
            node.put("unit", verdict.unit()).put("verdict", verdict.verdict().label());
            Estimate ratio = track.comparison == null ? Estimate.UNKNOWN : track.comparison.ratio();
            putNumber(node, "ratio", ratio.value());
            putNumber(node, "low", ratio.low());
            putNumber(node, "high", ratio.high());
            putNumber(node, "pValue", track.comparison == null ? Double.NaN : track.comparison.pValue());
            node.put("reason", verdict.reason()).put("failure", track.failure).put("runMode", track.mode);
            ArrayNode pairs = node.putArray("pairs");
            for (AbSession.Pair p : track.pairs) {
                ObjectNode pair = pairs.addObject().put("round", p.round()).put("first", p.firstBuild())
                        .put("a", p.baseline()).put("b", p.candidate());
                if (!p.legs().isEmpty()) {
                    pair.put("logRatio", p.logRatio());
                    ArrayNode legs = pair.putArray("legs");
                    for (DuetPairing.Leg leg : p.legs()) {
                        ObjectNode l = legs.addObject().put("cpuA", leg.cpuOfA()).put("cpuB", leg.cpuOfB());
                        ArrayNode as = l.putArray("a");
                        ArrayNode bs = l.putArray("b");
                        java.util.Arrays.stream(leg.baseline()).forEach(as::add);
                        java.util.Arrays.stream(leg.candidate()).forEach(bs::add);
                        l.put("logRatio", leg.logRatio());
                    }
                }
            }
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field); // JSON has no NaN or Infinity; an unbounded interval end is null
        }
    }

    /** For a benchmark left noisy: about how many rounds its spread so far says a decision would take. */
    static String forecast(PairedComparison c, double[] logRatios) {
        OptionalInt pairs = RoundsForecast.pairsNeeded(c, logRatios);
        if (pairs.isEmpty()) {
            return "no number of rounds would decide it: the estimate sits on the threshold";
        }
        if (pairs.getAsInt() <= c.pairCount()) {
            // The forecast never goes below the pairs already made: their spread would decide it, an outlier does not.
            return "the spread of its pairs would decide it already: an outlying pair holds the interval open, which"
                    + " a few more rounds outvote";
        }
        return "about " + pairs.getAsInt() + " paired rounds would decide it at the spread seen so far";
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String shortCommit(Build build) {
        return build.commit().length() >= 7 ? build.commit().substring(0, 7) : build.commit();
    }
}
