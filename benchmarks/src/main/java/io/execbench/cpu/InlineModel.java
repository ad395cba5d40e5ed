package io.execbench.cpu;

import io.execbench.workload.Kernel;

/** The single-thread baseline: every task on the caller's thread, one after the other, with no hand-off at all. */
final class InlineModel implements ExecutionModel {

    @Override
    public String name() {
        return ExecutionModels.INLINE;
    }

    @Override
    public void run(Kernel kernel, int workUnits, long[] seeds, long[] checksums) {
        for (int i = 0; i < seeds.length; i++) {
            checksums[i] = kernel.run(seeds[i], workUnits);
        }
    }

    @Override
    public void close() {
    }
}
