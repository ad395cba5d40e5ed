package io.execbench.workload;

class FpKernelTest extends KernelContract {
    @Override
    Kernel kernel() {
        return new FpKernel();
    }

    @Override
    long[] goldenChecksums() {
        return new long[] {-143088493461604968L, -136504665595989529L, -94063114389820124L};
    }
}
