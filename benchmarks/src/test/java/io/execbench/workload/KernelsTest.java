package io.execbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void unknownKernelNamesTheChoices() {
        assertThatThrownBy(() -> Kernels.create("gpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown kernel 'gpu'")
                .hasMessageContaining("[alu, fp, memory, workload]");
    }

    @Test
    void memoryFootprintIsAtLeast64MiBAndFitsTheHeap() {
        long footprint = Kernels.memoryFootprintBytes();
        assertThat(footprint).isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 3);
        if (Runtime.getRuntime().maxMemory() / 3 >= 64L << 20) {
            assertThat(footprint).isGreaterThanOrEqualTo(64L << 20);
        }
        Kernels.lastLevelCacheBytes().ifPresent(llc -> {
            if (2 * llc <= Runtime.getRuntime().maxMemory() / 3) {
                assertThat(footprint).isGreaterThanOrEqualTo(2 * llc);
            }
        });
    }

    @Test
    void seedsDifferFromOneToTheNext() {
        long seed = Seeds.FIRST;
        for (int i = 0; i < 100; i++) {
            long next = Seeds.next(seed);
            assertThat(next).isNotEqualTo(seed);
            seed = next;
        }
    }
}
