package io.execbench.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AffinityTest {

    @Test
    void pinsTheCurrentThreadToOneAllowedCpuAndRestores() throws Exception {
        assumeTrue(Affinity.unavailableReason() == null, String.valueOf(Affinity.unavailableReason()));
        // A fresh thread, so a failure cannot leave the test runner's own thread pinned.
        Affinity.Result[] results = new Affinity.Result[3];
        Thread thread = new Thread(() -> {
            results[0] = Affinity.currentThreadCpus();
            List<Integer> allowed = results[0].cpus().orElseThrow();
            int last = allowed.getLast();
            results[1] = Affinity.pinCurrentThread(List.of(last));
            results[2] = Affinity.pinCurrentThread(allowed);
        });
        thread.start();
        thread.join();
        assertThat(results[0].ok()).as(results[0].failure()).isTrue();
        List<Integer> allowed = results[0].cpus().orElseThrow();
        assertThat(results[1].cpus()).contains(List.of(allowed.getLast()));
        assertThat(results[2].cpus()).contains(allowed);
    }

    @Test
    void aCpuOutsideTheAllowedSetIsAResultNotAnException() {
        assumeTrue(Affinity.unavailableReason() == null);
        Affinity.Result result = Affinity.pinCurrentThread(List.of(60_000));
        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).startsWith("pinning unavailable: sched_setaffinity(60000) failed, errno 22");
        assertThat(Affinity.pinCurrentThread(List.of()).failure()).isEqualTo("pinning unavailable: no CPU given");
    }
}
