package io.execbench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.workload.AluKernel;
import io.execbench.workload.FpKernel;
import io.execbench.workload.Kernel;
import io.execbench.workload.MemoryKernel;
import io.execbench.workload.Seeds;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionModel} promises: the checksums of {@code inline} for the same inputs, in task order,
 * whatever the batch size. One subclass per model.
 */
abstract class ExecutionModelContract {

    static final int POOL_SIZE = 2;
    /** Small, so that worker processes build their chain in milliseconds; equal in parent and workers. */
    static final MemoryKernel MEMORY = new MemoryKernel(1 << 20);

    ExecutionModel model;

    abstract String modelName();

    /** How many batches {@link #runsBatchAfterBatchOnTheSameThreadsOrProcesses} runs after the first. */
    int rounds() {
        return 20;
    }

    @BeforeEach
    void createModel() {
        model = ExecutionModels.create(modelName(), POOL_SIZE, MEMORY.footprintBytes());
    }

    @AfterEach
    void closeModel() {
        model.close();
    }

    @Test
    void isNamedAsItsParameterValue() {
        assertThat(model.name()).isEqualTo(modelName());
        assertThat(ExecutionModels.NAMES).contains(model.name());
    }

    @Test
    void checksumsEqualInlineForEveryKernel() {
        for (Kernel kernel : List.of(new AluKernel(), new FpKernel(), MEMORY)) {
            long[] seeds = seeds(4 * POOL_SIZE + 1); // not a multiple of the pool: uneven shares
            assertThat(runOn(model, kernel, 1_000, seeds)).as(kernel.name())
                    .containsExactly(runOn(new InlineModel(), kernel, 1_000, seeds));
        }
    }

    @Test
    void runsOneTaskAndAnEmptyBatch() {
        Kernel kernel = new AluKernel();
        assertThat(runOn(model, kernel, 10, new long[] {Seeds.FIRST})).containsExactly(kernel.run(Seeds.FIRST, 10));
        assertThat(runOn(model, kernel, 10, new long[0])).isEmpty();
    }

    @Test
    void runsBatchAfterBatchOnTheSameThreadsOrProcesses() {
        Kernel kernel = new AluKernel();
        long[] seeds = seeds(3);
        long[] first = runOn(model, kernel, 0, seeds);
        for (int round = 0; round < rounds(); round++) {
            assertThat(runOn(model, kernel, 0, seeds)).containsExactly(first);
        }
    }

    static long[] seeds(int count) {
        long[] seeds = new long[count];
        long seed = Seeds.FIRST;
        for (int i = 0; i < count; i++) {
            seeds[i] = seed = Seeds.next(seed);
        }
        return seeds;
    }

    static long[] runOn(ExecutionModel model, Kernel kernel, int workUnits, long[] seeds) {
        long[] checksums = new long[seeds.length];
        model.run(kernel, workUnits, seeds, checksums);
        return checksums;
    }
}
