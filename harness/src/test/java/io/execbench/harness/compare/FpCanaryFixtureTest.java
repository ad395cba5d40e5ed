package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real quick runs with both per-iteration canaries, {@code canary.cpu} and {@code canary.fp}, reduced to the
 * benchmarks that run the fp kernel (fixtures/canary-runs/README.md): five of one build (A1 to A5) and one where the
 * fp kernel does 10% more work (B1), run between A1 and A2.
 */
class FpCanaryFixtureTest {

    static final String A1 = "2026-11-27T06-56-23Z_744a18d_b663e4";
    static final String B1 = "2026-11-27T06-58-42Z_744a18d_b663e4";
    static final String A2 = "2026-11-27T07-01-06Z_744a18d_b663e4";
    static final String A3 = "2026-11-27T07-03-20Z_744a18d_b663e4";
    static final String A4 = "2026-11-27T07-07-58Z_744a18d_b663e4";
    static final String A5 = "2026-11-27T07-10-21Z_744a18d_b663e4";

    private static final String ONE_THREAD = "ScalingBenchmark.parallel [kernel=fp, placement=os, threads=1] (thrpt)";

    private static Run run(String id) throws Exception {
        return RunReader.read(Fixtures.path("canary-runs/results/" + id));
    }

    private static NoiseModel calibrated(String... ids) throws Exception {
        List<Run> runs = new java.util.ArrayList<>();
        for (String id : ids) {
            runs.add(run(id));
        }
        return NoiseCalibration.learn(runs);
    }

    private static Map<String, Verdict> verdicts(Comparison comparison) {
        return comparison.benchmarks().stream().collect(Collectors.toMap(b -> b.key().label(),
                BenchmarkComparison::verdict));
    }

    private static BenchmarkComparison find(Comparison comparison, String label) {
        return comparison.benchmarks().stream().filter(b -> b.key().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void calibrationFindsAnFpBoundScoreFollowingTheFpCanaryMoreCloselyThanTheIntegerOne() throws Exception {
        NoiseModel noise = calibrated(A1, A3, A4, A5);
        BenchmarkKey oneThread = find(RunComparator.compare(run(A1), run(A2), "pinned", noise, "test",
                ComparisonSettings.DEFAULTS), ONE_THREAD).key();

        // Over four runs of one build: 34% apart as measured, 52% relative to the integer chain, 14% relative to the
        // FP chain.
        assertThat(noise.floor(oneThread, "score")).isBetween(0.33, 0.35);
        assertThat(noise.floor(oneThread, CanaryRelative.metric("canary.cpu"))).isBetween(0.51, 0.53);
        assertThat(noise.floor(oneThread, CanaryRelative.metric("canary.fp"))).isBetween(0.13, 0.14);
    }

    @Test
    void eachBenchmarkIsComparedRelativeToTheCanaryWithTheLowerFloor() throws Exception {
        NoiseModel noise = calibrated(A1, A3, A4, A5);

        Comparison comparison = RunComparator.compare(run(A2), run(B1), "pinned", noise, "test",
                ComparisonSettings.DEFAULTS);

        assertThat(find(comparison, ONE_THREAD).metrics()).extracting(MetricComparison::metric)
                .containsExactly("score", "score/canary.fp");
        assertThat(find(comparison, "ScalingBenchmark.parallel [kernel=fp, placement=os, threads=4] (thrpt)")
                .metrics()).extracting(MetricComparison::metric).containsExactly("score", "score/canary.cpu");
    }

    @Test
    void tenPercentMoreFpWorkIsFlaggedWhereTheRelativeScoreClearsItsFloorAndNothingElseIs() throws Exception {
        NoiseModel noise = calibrated(A1, A3, A4, A5);

        Comparison comparison = RunComparator.compare(run(A2), run(B1), "pinned", noise, "test",
                ComparisonSettings.DEFAULTS);

        // Two of the eleven benchmarks that do the extra work are flagged; as measured both are within floors of 33 and
        // 40% that the host's own drift set, but relative to the canary they are 10 to 15% worse, beyond theirs, and
        // the measured scores moved the same way. The kernel's call overhead (baseline, workUnits=1) does no extra work
        // and is not flagged; nothing is called improved.
        assertThat(comparison.regressions()).extracting(b -> b.key().label()).containsExactlyInAnyOrder(
                "ScalingBenchmark.baseline [kernel=fp] (thrpt)",
                "ScalingBenchmark.parallel [kernel=fp, placement=spread, threads=1] (thrpt)");
        BenchmarkComparison flagged = comparison.regressions().getFirst();
        assertThat(flagged.metrics().getFirst().verdict()).isNotEqualTo(Verdict.REGRESSED);
        assertThat(flagged.reason()).contains("as measured it moved the same way, significantly");
        Map<String, Verdict> verdicts = verdicts(comparison);
        assertThat(verdicts.get("KernelBenchmark.baseline [kernel=fp] (avgt)")).isNotEqualTo(Verdict.REGRESSED);
        assertThat(verdicts.get("KernelBenchmark.run [kernel=fp, workUnits=1] (avgt)")).isNotEqualTo(Verdict.REGRESSED);
        assertThat(verdicts).doesNotContainValue(Verdict.IMPROVED);
    }

    @Test
    void twoRunsOfOneBuildCalibratedOnThreeOthersAreUnchangedThroughout() throws Exception {
        NoiseModel noise = calibrated(A2, A4, A5);

        Comparison comparison = RunComparator.compare(run(A1), run(A3), "pinned", noise, "test",
                ComparisonSettings.DEFAULTS);

        assertThat(verdicts(comparison)).hasSize(13)
                .allSatisfy((label, verdict) -> assertThat(verdict).as(label).isEqualTo(Verdict.UNCHANGED));
    }
}
