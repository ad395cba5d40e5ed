package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.workload.Fault;
import org.junit.jupiter.api.Test;

/** Survival trials in sacrificial JVMs: the fault hits the trial JVM, never this one. */
class SurvivalTest {

    @Test
    void systemExitTakesAThreadPoolsJvmWithEveryTask() throws Exception {
        Survival.Cell cell = Survival.trial("fixedPool", Fault.EXIT);

        assertThat(cell.jvmSurvived()).isFalse();
        assertThat(cell.exitStatus()).isEqualTo(Fault.EXIT_STATUS);
        assertThat(cell.lost()).isEqualTo(cell.innocentTasks()).isEqualTo(SurvivalTrial.TASKS - 1);
        assertThat(cell.usable()).isFalse();
    }

    @Test
    void aWorkerThatExitsIsReplacedItsSiblingStaysAndTheRetryPolicyLosesNoTask() throws Exception {
        Survival.Cell cell = Survival.trial("processes", Fault.EXIT);

        assertThat(cell.jvmSurvived()).isTrue();
        assertThat(cell.otherWorkerSurvived()).isTrue();
        assertThat(cell.lost()).isPositive(); // the tasks queued behind the poison on the dying worker
        assertThat(cell.lostAfterRetry()).isZero();
        assertThat(cell.poison()).startsWith("reported failed after " + (SurvivalTrial.RETRIES + 1) + " attempts");
        assertThat(cell.usable()).isTrue();
    }
}
