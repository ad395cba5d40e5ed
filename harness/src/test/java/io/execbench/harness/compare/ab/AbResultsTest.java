package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.PairedComparator;
import io.execbench.harness.compare.PairedComparison;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.write.VerdictJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbResultsTest {

    private static final Plan.Budget QUICK = new Plan.Budget(1, 200, 3, 200);

    @Test
    void aNoisyBenchmarkSaysHowManyRoundsItsSpreadWouldNeed() {
        // 8 pairs around +6% with a spread of about 5%: beyond the 3% threshold, but the interval still reaches it.
        double[] logRatios = {0.11, 0.01, 0.09, 0.02, 0.10, 0.03, 0.08, 0.04};
        PairedComparison c = PairedComparator.compare(logRatios, Direction.LOWER_IS_BETTER,
                ComparisonSettings.DEFAULTS);
        assertThat(c.verdict()).isEqualTo(Verdict.NOISY);
        String forecast = AbResults.forecast(c, logRatios);
        assertThat(forecast).matches("about \\d+ paired rounds would decide it at the spread seen so far");
        int rounds = Integer.parseInt(forecast.replaceAll("\\D+", ""));
        assertThat(rounds).isGreaterThan(logRatios.length);
    }

    @Test
    void aNoisyBenchmarkHeldOpenByOneOutlyingPairSaysSoInsteadOfARoundCount() {
        // Seven pairs within 0.2% and one 65% off: at 8 pairs and 99% the interval reaches the outlier.
        double[] logRatios = {0.001, -0.002, 0.0, 0.001, -0.001, 0.002, 0.0, 0.5};
        PairedComparison c = PairedComparator.compare(logRatios, Direction.LOWER_IS_BETTER,
                ComparisonSettings.DEFAULTS);
        assertThat(c.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(AbResults.forecast(c, logRatios)).startsWith("the spread of its pairs would decide it already");
    }

    @Test
    void theVerdictFilesNameThePairedTestAndTheDuetsWhereThereWereAny() {
        Build a = new Build("A", "main", "a".repeat(40), List.of(Path.of("a")));
        Build b = new Build("B", "working tree", "b".repeat(40), List.of(Path.of("b")));
        AbSession.Track interleaved = new AbSession.Track(new BenchmarkKey(
                "io.execbench.scaling.ScalingBenchmark.parallel", "thrpt", Map.of()), "interleaved");
        AbSession.Track duet = new AbSession.Track(new BenchmarkKey("io.execbench.workload.KernelBenchmark.run",
                "avgt", Map.of()), "duet");

        Comparison mixed = AbResults.comparison("id", a, b, List.of(interleaved, duet), 8,
                ComparisonSettings.DEFAULTS, "quick", 20, QUICK);
        Comparison interleavedOnly = AbResults.comparison("id", a, b, List.of(interleaved), 8,
                ComparisonSettings.DEFAULTS, "quick", 20, QUICK);

        assertThat(VerdictJson.render(mixed)).contains("\"test\" : \"Wilcoxon signed-rank, two-sided, on the paired"
                + " rounds' log-ratios\"").doesNotContain("Mann-Whitney");
        assertThat(mixed.machineDrift().describe()).contains("8 rounds", "two duets");
        assertThat(interleavedOnly.machineDrift().describe()).contains("back to back").doesNotContain("duet");
        assertThat(mixed.method()).contains("forks of 1 x 200 ms warm-up, 3 x 200 ms; 2 x 200 ms warm-up,"
                + " 6 x 200 ms for suites that start threads or processes of their own");
        Comparison singleOnly = AbResults.comparison("id", a, b, List.of(duet), 8, ComparisonSettings.DEFAULTS,
                "quick", 20, QUICK);
        assertThat(singleOnly.method()).contains("(forks of 1 x 200 ms warm-up, 3 x 200 ms)",
                "an interleaved pair compares the forks' median iterations (median samples for SampleTime)");
    }
}
