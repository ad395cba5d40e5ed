package io.execbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How fast the generator goes, on demand only ({@code -Dloadgen.throughput=true}; optionally
 * {@code -Dloadgen.rate=50000}): open loop against {@link TestHttpServer}, printing the achieved rate, the send lag
 * (whether the generator kept to its schedule) and the generator's own CPU use. Never asserts a rate: that is a
 * property of the machine, reported, not tested.
 */
class LoadGeneratorThroughputTest {

    @Test
    void reportsTheRateTheGeneratorSustains() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("loadgen.throughput"), "on demand: -Dloadgen.throughput=true");
        double rate = Double.parseDouble(System.getProperty("loadgen.rate", "50000"));
        try (TestHttpServer server = TestHttpServer.start()) {
            for (boolean open : new boolean[] {true, false}) {
                LoadSpec spec = LoadSpec.openLoop(server.port(), rate, 5_000).withWarmupMs(2_000);
                LoadResult result = LoadGenerator.run(open ? spec : spec.closedLoop());
                // CPU per request over the whole run (warm-up and spinning included), from the measured part's rate.
                double requests = result.achievedPerSec() * result.generatorWallNs() / 1e9;
                System.out.printf("%s loop%s: achieved %.0f/s, %d errors, %d timeouts, p50 %.3f ms, p99 %.3f ms,"
                                + " send lag p99 %.3f ms, generator CPU %.2f of one CPU, ~%.1f us CPU per request%n",
                        open ? "open" : "closed", open ? String.format(" at %.0f/s", rate) : "",
                        result.achievedPerSec(), result.errors(), result.timeouts(), result.percentileMs("cheap", 50),
                        result.percentileMs("cheap", 99), result.sendLagNs().getValueAtPercentile(99) / 1e6,
                        result.generatorCpuShare(), result.generatorCpuNs() / 1e3 / requests);
                assertThat(result.completed()).isPositive();
            }
        }
    }
}
