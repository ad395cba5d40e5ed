package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.read.WarmupRecords.Warmup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SteadyStatesTest {

    private static Warmup fork(String transport, boolean steady, double warmedMs) {
        return new Warmup("io.execbench.ipc.IpcRoundTripBenchmark.roundTrip", Map.of("transport", transport),
                steady, 10, warmedMs * 1e6);
    }

    @Test
    void namesTheBenchmarksWithAForkThatNeverSettled() {
        SteadyStates steady = SteadyStates.of(List.of(fork("pipe", true, 120), fork("pipe", true, 140),
                fork("shm", true, 100), fork("shm", false, 2000)));

        assertThat(steady.forks()).isEqualTo(4);
        assertThat(steady.benchmarks()).extracting(SteadyStates.Benchmark::label).containsExactly(
                "IpcRoundTripBenchmark.roundTrip (transport=pipe)", "IpcRoundTripBenchmark.roundTrip (transport=shm)");
        assertThat(steady.unsteady()).singleElement().satisfies(b -> {
            assertThat(b.steadyForks()).isEqualTo(1);
            assertThat(b.maxWarmedMs()).isEqualTo(2000);
        });
        assertThat(steady.summary()).hasValueSatisfying(s -> assertThat(s)
                .startsWith("Not steady: 1 of 2 benchmarks")
                .contains("IpcRoundTripBenchmark.roundTrip (transport=shm) (1 of 2 forks)"));
    }

    @Test
    void allSettledSaysHowLongItTook() {
        SteadyStates steady = SteadyStates.of(List.of(fork("pipe", true, 120), fork("tcp", true, 300)));
        assertThat(steady.unsteady()).isEmpty();
        assertThat(steady.summary()).hasValueSatisfying(s -> assertThat(s)
                .contains("all 2 forks reached a steady state").contains("longest 300.0 ms"));
        assertThat(SteadyStates.of(List.of()).summary()).isEmpty();
    }
}
