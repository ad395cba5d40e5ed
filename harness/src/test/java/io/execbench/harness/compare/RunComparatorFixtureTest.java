package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.IterationHistograms;
import io.execbench.harness.write.NoiseJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real quick-profile runs of KernelBenchmark and derived regressed copies (fixtures/nightly/README.md). */
class RunComparatorFixtureTest {

    static final String A = "2026-11-26T13-59-28Z_52ad145_b663e4";
    static final String B = "2026-11-26T14-01-21Z_52ad145_b663e4";
    static final String B_ALU_SLOWER = "2026-11-26T14-01-22Z_52ad145_b663e4";

    private static Run run(String id) throws Exception {
        return RunReader.read(Fixtures.path("nightly/results/" + id));
    }

    private static Comparison compare(Run baseline, Run current, NoiseModel noise) {
        return RunComparator.compare(baseline, current, "pinned", noise, "test", ComparisonSettings.DEFAULTS);
    }

    /**
     * The nightly results copied under {@code temp}, the first {@code regex} match in B_ALU_SLOWER's run.json
     * replaced.
     */
    private static java.nio.file.Path copyEditingRunJson(java.nio.file.Path temp, String regex, String replacement)
            throws Exception {
        java.nio.file.Path results = Fixtures.copy("nightly/results", temp.resolve("results"));
        java.nio.file.Path runJson = results.resolve(B_ALU_SLOWER).resolve("run.json");
        java.nio.file.Files.writeString(runJson, java.nio.file.Files.readString(runJson)
                .replaceFirst(regex, replacement));
        return results;
    }

    private static Map<String, Verdict> verdicts(Comparison comparison) {
        return comparison.benchmarks().stream().collect(java.util.stream.Collectors.toMap(
                b -> b.key().label(), BenchmarkComparison::verdict));
    }

    @Test
    void flagsTheInjectedSlowdownWhereTheForksAgreeAndNowhereElse() throws Exception {
        Comparison comparison = compare(run(B), run(B_ALU_SLOWER), NoiseModel.NONE);

        assertThat(comparison.regressions()).extracting(b -> b.key().label()).containsExactly(
                "KernelBenchmark.run [kernel=alu, workUnits=100000] (avgt)",
                "KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)");
        // workUnits=1: the baseline's two forks differ by 16%, more than the 10% injected: no evidence either way.
        BenchmarkComparison tiny = comparison.benchmarks().stream()
                .filter(b -> b.key().label().equals("KernelBenchmark.run [kernel=alu, workUnits=1] (avgt)"))
                .findFirst().orElseThrow();
        assertThat(tiny.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(tiny.reason()).contains("set by the spread between the baseline's forks");
        assertThat(comparison.counts().get(Verdict.IMPROVED)).isZero();
        MetricComparison score = comparison.regressions().getFirst().metrics().getFirst();
        assertThat(score.ratio().value()).isCloseTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(score.ratio().low()).isGreaterThan(1.03);
    }

    @Test
    void aMachineThatItselfMovedMoreThanTheSlowdownRaisesNoAlarm() throws Exception {
        // As if the canary's wake-up probe had been 15% slower in the second run (p tiny): the 10% step is within
        // the machine's own change, so it is not a regression; nor is it claimed unchanged: it is noisy, and the
        // reason says what set the threshold and what the verdict would be without the machine's change.
        MachineDrift drift = new MachineDrift(List.of(new MachineDrift.ProbeChange("wakeup", "us/round trip", 10,
                11.5, 1.15, 1e-9, true)), 0.15, null);
        Comparison comparison = RunComparator.compare(run(B), run(B_ALU_SLOWER), "pinned", NoiseModel.NONE, "test",
                drift, ComparisonSettings.DEFAULTS);

        assertThat(comparison.regressions()).isEmpty();
        assertThat(comparison.machineDrift()).isEqualTo(drift);
        BenchmarkComparison alu = comparison.benchmarks().stream()
                .filter(b -> b.key().label().equals("KernelBenchmark.run [kernel=alu, workUnits=100000] (avgt)"))
                .findFirst().orElseThrow();
        assertThat(alu.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(alu.reason()).contains("threshold 15.0%").contains("canary")
                .contains("at 3.0% it would be regressed: it cannot be told from the machine's own change");
        // Benchmarks the step did not touch stay what they were without the drift.
        Comparison plain = compare(run(B), run(B_ALU_SLOWER), NoiseModel.NONE);
        assertThat(comparison.benchmarks()).allSatisfy(b -> {
            Verdict before = verdicts(plain).get(b.key().label());
            if (before == Verdict.UNCHANGED) {
                assertThat(b.verdict()).isEqualTo(Verdict.UNCHANGED);
            }
        });
    }

    @Test
    void aPercentileThresholdIsAtLeastTheSpreadBetweenForksAtThatPercentile() throws Exception {
        Run base = RunReader.read(Fixtures.path("nightly/sampletime/base"));
        IterationHistograms latency = IterationHistograms.of(base.results().getFirst().primaryMetric(), 1);
        double spread = latency.forkSpread(0.5);
        assertThat(spread).isPositive();
        BenchmarkComparison self = compare(base, base, NoiseModel.NONE).benchmarks().getFirst();
        MetricComparison p50 = self.metrics().get(1);
        assertThat(p50.threshold()).isEqualTo(Math.max(ComparisonSettings.DEFAULT_MIN_EFFECT, spread));
    }

    @Test
    void theSameRunAgainstItselfIsNeverRegressed() throws Exception {
        Comparison comparison = compare(run(B), run(B), NoiseModel.NONE);
        assertThat(comparison.benchmarks()).allSatisfy(b -> assertThat(b.verdict()).isIn(Verdict.UNCHANGED,
                Verdict.NOISY));
    }

    @Test
    void anAaPairFromALoadedMachineRaisesNoAlarmWithTheNoiseFloorOfOtherAaRuns() throws Exception {
        NoiseModel noise = NoiseJson.read(Fixtures.path("nightly/noise-from-5-aa-runs.json"));
        assertThat(noise.appliesTo("b663e4", "quick")).isTrue();

        Comparison comparison = compare(run(A), run(B), noise);

        assertThat(comparison.regressions()).isEmpty();
        assertThat(comparison.counts().get(Verdict.IMPROVED)).isZero();
    }

    @Test
    void sampleTimeIsComparedAtPercentilesToo() throws Exception {
        Run base = RunReader.read(Fixtures.path("nightly/sampletime/base"));
        Run slower = RunReader.read(Fixtures.path("nightly/sampletime/regressed"));

        BenchmarkComparison only = compare(base, slower, NoiseModel.NONE).benchmarks().getFirst();

        assertThat(only.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(only.metrics()).extracting(MetricComparison::metric)
                .containsExactly("score", "p50", "p99", "p99.9");
        MetricComparison p50 = only.metrics().get(1);
        assertThat(p50.ratio().value()).isCloseTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p50.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(p50.baselineSamples()).isEqualTo(10); // 2 forks x 5 iterations, resampled whole
    }

    @Test
    void aBenchmarkWithoutAResultIsMissingAndANewOneNotComparable() throws Exception {
        Run full = run(B);
        Run fewer = new Run(full.folder(), full.info(), full.results().subList(1, full.results().size()));

        Map<String, Verdict> dropped = verdicts(compare(full, fewer, NoiseModel.NONE));
        Map<String, Verdict> added = verdicts(compare(fewer, full, NoiseModel.NONE));

        assertThat(dropped).containsEntry("KernelBenchmark.baseline [kernel=alu] (avgt)", Verdict.MISSING);
        assertThat(added).containsEntry("KernelBenchmark.baseline [kernel=alu] (avgt)", Verdict.NOT_COMPARABLE);
        assertThat(dropped).hasSize(12);
    }

    @Test
    void aRunOfOtherBenchmarksIsNoAutomaticBaseline(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path results = copyEditingRunJson(temp, "\"include\" ?: ?\"KernelBenchmark\"",
                "\"include\": \"KernelBenchmark.run\"");
        var listings = io.execbench.harness.read.RunLocator.list(results).stream()
                .map(io.execbench.harness.read.RunListing::of).toList();
        Run narrowed = RunReader.read(results.resolve(B_ALU_SLOWER));

        assertThat(narrowed.info().include()).isEqualTo("KernelBenchmark.run");
        assertThat(Baselines.latestComparable(narrowed.id(), narrowed.info(), listings)).isEmpty();
    }

    @Test
    void theSameProfileNameWithAnotherBudgetIsNotComparable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path results = copyEditingRunJson(temp, "\"measurementTimeMs\" ?: ?\\d+",
                "\"measurementTimeMs\": 200");
        Run changed = RunReader.read(results.resolve(B_ALU_SLOWER));

        assertThat(changed.info().profile().measurementTimeMs()).isEqualTo(200L);
        assertThat(Baselines.incomparability(run(B).info(), changed.info()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("profile budget differs"));
    }

    @Test
    void theBaselineIsTheLatestEarlierComparableCompleteRun() throws Exception {
        var listings = io.execbench.harness.read.RunLocator.list(Fixtures.path("nightly/results")).stream()
                .map(io.execbench.harness.read.RunListing::of).toList();
        Run current = run(B_ALU_SLOWER);

        assertThat(Baselines.latestComparable(current.id(), current.info(), listings))
                .map(listing -> listing.folder().id()).hasValue(B);
        assertThat(Baselines.latestComparable(A, run(A).info(), listings)).isEmpty();
        assertThat(Baselines.jdkMajor("25.0.3")).isEqualTo("25");
        assertThat(Baselines.jdkMajor("1.8.0_392")).isEqualTo("8");
    }

    @Test
    void runsWithoutRunJsonAreNotComparable() throws Exception {
        Run plain = RunReader.read(Fixtures.path("nightly/sampletime/base"));
        assertThat(Baselines.incomparability(plain.info(), run(B).info())).hasValueSatisfying(
                why -> assertThat(why).contains("no run.json on the baseline"));
        assertThat(List.of(Verdict.values())).extracting(Verdict::label).contains("not comparable");
    }
}
