package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Speedup;
import io.execbench.harness.stats.ThroughputPoint;
import io.execbench.harness.stats.UslFit;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real jmh.json files of ScalingBenchmark on the project's 2-vCPU KVM machine: the execbench runner's smoke profile
 * (1 fork, 3 x 100 ms) while other builds ran, so its numbers are noisy, and the full profile (3 forks, 5 x 600 ms)
 * on a quiet machine. The tests pin the arithmetic on them.
 */
class SmokeRunFixtureTest {

    private static final String SMOKE = "/scaling/smoke-2vcpu-jmh.json";
    private static final String FULL = "/scaling/full-2vcpu-jmh.json";

    private static List<ThroughputPoint> sweep(String kernel, String placement) throws IOException {
        return sweep(SMOKE, kernel, placement);
    }

    private static List<ThroughputPoint> sweep(String fixture, String kernel, String placement) throws IOException {
        try (InputStream in = SmokeRunFixtureTest.class.getResourceAsStream(fixture)) {
            JsonNode results = new ObjectMapper().readTree(in);
            List<ThroughputPoint> points = new ArrayList<>();
            for (JsonNode result : results) {
                JsonNode params = result.path("params");
                if (!result.path("benchmark").asText().endsWith(".parallel")
                        || !params.path("kernel").asText().equals(kernel)
                        || !params.path("placement").asText().equals(placement)) {
                    continue;
                }
                // The score is the workUnits counter (steps/s over all workers), not the batches/s primary.
                JsonNode units = result.path("secondaryMetrics").path("workUnits");
                int samples = 0;
                for (JsonNode fork : units.path("rawData")) {
                    samples += fork.size();
                }
                points.add(new ThroughputPoint(params.path("threads").asInt(), units.path("score").asDouble(),
                        units.path("scoreError").asDouble(), samples));
            }
            return points;
        }
    }

    @Test
    void aluSpeedupOnTwoVcpusFromTheSmokeRun() throws IOException {
        List<ThroughputPoint> points = sweep("alu", "spread");
        assertThat(points).extracting(ThroughputPoint::threads).containsExactlyInAnyOrder(1, 2, 3, 4);
        List<Speedup.Point> speedups = Speedup.of(points);
        ThroughputPoint one = points.stream().filter(p -> p.threads() == 1).findFirst().orElseThrow();
        ThroughputPoint two = points.stream().filter(p -> p.threads() == 2).findFirst().orElseThrow();
        assertThat(speedups.get(1).speedup().value()).isEqualTo(two.score() / one.score());
        assertThat(speedups.get(1).speedup().value()).isCloseTo(1.96, within(0.01));
        Estimate effective = Speedup.effectiveCores(speedups);
        assertThat(effective.value()).isCloseTo(1.96, within(0.01));
        assertThat(effective.low()).isLessThan(effective.value());
        assertThat(effective.high()).isGreaterThan(effective.value());

        UslFit fit = UslFit.fit(speedups);
        assertThat(fit.degreesOfFreedom()).isEqualTo(1);
        assertThat(fit.residuals()).hasSize(4);
        // Past 2 threads the machine is simply full: the USL's smooth curve cannot follow the hard knee closely.
        assertThat(fit.worstResidualFraction()).isLessThan(0.10);
    }

    @Test
    void aluOnTwoVcpusFollowsTheUslCappedAtTheCpusWithinFivePercent() throws IOException {
        for (String placement : List.of("os", "spread")) {
            List<Speedup.Point> speedups = Speedup.of(sweep(FULL, "alu", placement));
            assertThat(speedups).extracting(Speedup.Point::threads).containsExactly(1, 2, 3, 4);
            assertThat(Speedup.effectiveCores(speedups).value()).as(placement).isGreaterThan(1.8);

            UslFit plain = UslFit.fit(speedups);
            UslFit capped = UslFit.fit(speedups, 2.0);
            // One concurrency level above 1 within 2 CPUs: only sigma can be fitted, to all three points.
            assertThat(capped.kappaIdentified()).isFalse();
            assertThat(capped.kappa().value()).isZero();
            assertThat(capped.degreesOfFreedom()).isEqualTo(2);
            assertThat(capped.sigma().hasInterval()).isTrue();
            assertThat(capped.peakThreads()).isEqualTo(2.0);
            assertThat(capped.predict(3)).isEqualTo(capped.predict(2));
            assertThat(capped.residuals()).allSatisfy(r -> assertThat(Math.abs(r.fraction())).as(placement + " at "
                    + r.threads() + " threads").isLessThan(0.05));
            // The cap is what makes the difference, not a looser measure: with fewer parameters it fits better.
            assertThat(capped.worstResidualFraction()).isLessThan(plain.worstResidualFraction());
        }
    }

    @Test
    void noPackedSweepOnAMachineWithoutSmt() throws IOException {
        assertThat(sweep("alu", "packed")).isEmpty();
        assertThat(HyperthreadYield.of(List.of(), Speedup.of(sweep("alu", "spread")))).isEmpty();
    }
}
