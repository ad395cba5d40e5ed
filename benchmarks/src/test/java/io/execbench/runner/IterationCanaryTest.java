package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;

class IterationCanaryTest {

    @Test
    void readsTheCpuChainTheFpChainAndTheWakeUpAroundAnIterationAsThreeSecondaryResults() {
        IterationCanary canary = new IterationCanary();

        canary.beforeIteration(null, null);
        List<? extends Result> results = List.copyOf(canary.afterIteration(null, null, null));

        assertThat(results).extracting(Result::getLabel)
                .containsExactly(IterationCanary.CPU_METRIC, IterationCanary.FP_METRIC, IterationCanary.WAKEUP_METRIC);
        assertThat(results).extracting(Result::getScoreUnit).containsExactly("ns/step", "ns/step", "us/round trip");
        // A dependent chain of register operations: well under a microsecond a step on any CPU that runs a JVM.
        assertThat(results.get(0).getScore()).isPositive().isLessThan(1000);
        assertThat(results.get(1).getScore()).isPositive().isLessThan(1000);
        assertThat(results.get(2).getScore()).isPositive();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("execbench-canary")
                && t.isAlive());
    }
}
