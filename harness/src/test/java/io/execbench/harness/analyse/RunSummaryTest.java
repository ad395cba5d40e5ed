package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.RunStatus;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void completeRunNeedsNoAttention() throws Exception {
        RunSummary summary = RunSummary.of(RunReader.read(Fixtures.run(Fixtures.COMPLETE_ID)));

        assertThat(summary).isEqualTo(new RunSummary(8, 0, RunStatus.COMPLETE));
        assertThat(summary.needsAttention()).isFalse();
        assertThat(summary.line()).isEqualTo("8 benchmarks, 0 failed, status complete");
    }

    @Test
    void failedAndPartialRunsNeedAttention() throws Exception {
        RunSummary failed = RunSummary.of(RunReader.read(Fixtures.run(Fixtures.FAILED_ID)));
        RunSummary partial = RunSummary.of(RunReader.read(Fixtures.run(Fixtures.PARTIAL_ID + ".partial")));

        assertThat(failed.line()).isEqualTo("1 benchmark, 1 failed, status failed");
        assertThat(failed.needsAttention()).isTrue();
        assertThat(partial.line()).isEqualTo("1 benchmark, 0 failed, status partial");
        assertThat(partial.needsAttention()).isTrue();
    }

    @Test
    void anyFailureNeedsAttentionEvenUnderAnotherStatus() {
        assertThat(new RunSummary(3, 1, RunStatus.COMPLETE).needsAttention()).isTrue();
        assertThat(new RunSummary(3, 0, RunStatus.UNKNOWN).needsAttention()).isFalse();
    }
}
