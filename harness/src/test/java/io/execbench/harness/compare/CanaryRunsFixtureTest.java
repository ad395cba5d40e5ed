package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real quick runs with the canary beside every iteration (fixtures/canary-runs/README.md). */
class CanaryRunsFixtureTest {

    static final String A1 = "2026-11-27T03-21-41Z_9dbdbd4_b663e4";
    static final String A2 = "2026-11-27T03-33-21Z_9dbdbd4_b663e4";
    static final String A2_ON_A_SLOWER_MACHINE = "2026-11-27T03-33-22Z_9dbdbd4_b663e4";
    static final String FP_TEN_PERCENT_MORE_WORK = "2026-11-27T04-32-39Z_9dbdbd4_b663e4";

    private static Run run(String id) throws Exception {
        return RunReader.read(Fixtures.path("canary-runs/results/" + id));
    }

    private static Comparison compare(String baseline, String current) throws Exception {
        return RunComparator.compare(run(baseline), run(current), "pinned", NoiseModel.NONE, "test",
                ComparisonSettings.DEFAULTS);
    }

    private static BenchmarkComparison find(Comparison comparison, String label) {
        return comparison.benchmarks().stream().filter(b -> b.key().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aMachineThatRanEveryStepFifteenPercentSlowerRaisesNoAlarm() throws Exception {
        Comparison comparison = compare(A2, A2_ON_A_SLOWER_MACHINE);

        assertThat(comparison.regressions()).isEmpty();
        BenchmarkComparison alu = find(comparison, "KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)");
        assertThat(alu.metrics()).extracting(MetricComparison::metric).containsExactly("score",
                CanaryRelative.metric("canary.cpu"));
        assertThat(alu.metrics().get(0).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(alu.metrics().get(1).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(alu.metrics().get(1).ratio().value()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(alu.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(alu.reason()).contains("15.0% worse").contains("the machine changed with it");
        assertThat(comparison.machineDrift().perIteration()).isTrue();
    }

    @Test
    void aRealSpeedUpOfTheHostIsNotCalledAnImprovementOfTheCode() throws Exception {
        // Between these two runs of the same kernel code the host ran the alu kernel 10% faster, and the canary read
        // beside each iteration ran as much faster: relative to it, the kernel is unchanged.
        Comparison comparison = compare(A2, FP_TEN_PERCENT_MORE_WORK);

        BenchmarkComparison alu = find(comparison, "KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)");
        assertThat(alu.metrics().get(0).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(alu.metrics().get(0).ratio().value()).isCloseTo(0.90, org.assertj.core.data.Offset.offset(0.01));
        assertThat(alu.metrics().get(1).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(alu.verdict()).isEqualTo(Verdict.NOISY);
    }

    @Test
    void calibrationLearnsThatTheAluKernelFollowsTheCanary() throws Exception {
        NoiseModel noise = NoiseCalibration.learn(List.of(run(A1), run(A2)));
        BenchmarkKey alu = BenchmarkKey.of(run(A1).results().stream()
                .filter(r -> r.benchmark().endsWith("KernelBenchmark.run") && r.params().get("kernel").equals("alu")
                        && r.params().get("workUnits").equals("1000"))
                .findFirst().orElseThrow());

        // Measured, the two runs were 12% apart (the host); relative to the canary, under 1%.
        assertThat(noise.floor(alu, "score")).isGreaterThan(0.30);
        assertThat(noise.floor(alu, CanaryRelative.metric("canary.cpu"))).isLessThan(0.02);
    }
}
