package io.execbench.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.topology.Affinity;
import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelThreadsTest {

    @Test
    void batchChecksumEqualsTheSingleThreadRecomputationWhateverTheSplit() {
        Kernel[] kernels = {Kernels.create("alu"), Kernels.create("alu"), Kernels.create("alu")};
        try (KernelThreads pool = new KernelThreads(kernels, 1000, List.of(), "test")) {
            assertThat(pool.pinning()).containsExactly("os", "os", "os");
            for (long seed = 1; seed <= 5; seed++) {
                long checksum = pool.runBatch(seed, 50);
                assertThat(checksum).isEqualTo(KernelThreads.expectedChecksum(kernels[0], seed, 50, 1000));
                assertThat(Arrays.stream(pool.chunksPerWorker()).sum()).isEqualTo(50);
            }
        }
    }

    @Test
    void everyChunkLeavesOneLatencySampleUntilReset() {
        Kernel[] kernels = {Kernels.create("alu"), Kernels.create("alu")};
        try (KernelThreads pool = new KernelThreads(kernels, 20_000, List.of(), "test")) {
            pool.runBatch(1, 40);
            pool.runBatch(2, 30);
            org.HdrHistogram.Histogram latency = pool.chunkLatency();
            assertThat(latency.getTotalCount()).isEqualTo(70);
            // 20 000 alu steps take microseconds, never nothing and never a minute.
            assertThat(latency.getMinValue()).isPositive();
            assertThat(latency.getMaxValue()).isLessThan(KernelThreads.MAX_RECORDED_NS);
            pool.resetChunkLatency();
            assertThat(pool.chunkLatency().getTotalCount()).isZero();
            pool.runBatch(3, 5);
            assertThat(pool.chunkLatency().getTotalCount()).isEqualTo(5);
        }
    }

    @Test
    void pinnedWorkersReadBackTheirCpu() {
        List<Integer> allowed = Affinity.currentThreadCpus().cpus().orElse(List.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(allowed.isEmpty(), "pinning unavailable here");
        Kernel[] kernels = {Kernels.create("fp"), Kernels.create("fp")};
        List<Integer> order = List.of(allowed.getFirst());
        try (KernelThreads pool = new KernelThreads(kernels, 100, order, "test")) {
            assertThat(pool.pinning()).containsOnly("cpu " + allowed.getFirst());
            assertThat(pool.runBatch(7, 10)).isEqualTo(KernelThreads.expectedChecksum(kernels[0], 7, 10, 100));
        }
    }
}
