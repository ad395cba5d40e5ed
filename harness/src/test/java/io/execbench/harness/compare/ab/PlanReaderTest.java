package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    @Test
    void readsTheBudgetThenOneBenchmarkPerLineSkippingOtherOutput() throws Exception {
        Plan plan = PlanReader.parse(List.of(
                "WARNING: a JVM warning",
                "{\"profile\":\"quick\",\"warmupIterations\":1,\"warmupTimeMs\":200,\"measurementIterations\":3,"
                        + "\"measurementTimeMs\":200}",
                "{\"benchmark\":\"io.execbench.workload.KernelBenchmark.run\",\"mode\":\"avgt\","
                        + "\"params\":{\"kernel\":\"alu\",\"workUnits\":\"1000\"}}"), "quick");

        assertThat(plan.budget()).isEqualTo(new Plan.Budget(1, 200, 3, 200));
        assertThat(plan.benchmarks()).hasSize(1);
        assertThat(plan.benchmarks().getFirst().label()).isEqualTo("KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)");
        assertThat(plan.benchmarks().getFirst().params()).isEqualTo(Map.of("kernel", "alu", "workUnits", "1000"));
    }

    @Test
    void aBuildWhoseRunnerCannotListIsNamedAsSuch() {
        assertThatThrownBy(() -> PlanReader.parse(List.of("Unknown option: '--list-plan'"), "quick"))
                .isInstanceOf(AbException.class).hasMessageContaining("does this build's runner know --list-plan?");
    }
}
