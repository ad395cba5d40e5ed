package io.execbench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.workload.Kernel;
import org.junit.jupiter.api.Test;

class ExecutionModelsTest {

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ExecutionModels.create("threads", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown model 'threads'").hasMessageContaining("fixedPool");
    }

    @Test
    void poolSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> ExecutionModels.create("fixedPool", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolSize");
    }

    @Test
    void aFailingTaskFailsTheBatchAndNamesTheTask() {
        Kernel failing = new Kernel() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public long run(long seed, int workUnits) {
                throw new ArithmeticException("task blew up");
            }
        };
        try (ExecutionModel pool = ExecutionModels.create("fixedPool", 2)) {
            assertThatThrownBy(() -> pool.run(failing, 1, new long[] {1, 2}, new long[2]))
                    .hasMessageContaining("fixedPool: task 0 failed").hasMessageContaining("task blew up");
        }
    }

    @Test
    void processesRefuseAMemoryKernelUnlikeTheirOwn() {
        assertThatThrownBy(() -> ProcessPoolModel.kernelId(new io.execbench.workload.MemoryKernel(1 << 20), 1 << 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workers' spans 2097152");
    }
}
