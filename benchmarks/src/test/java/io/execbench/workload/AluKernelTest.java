package io.execbench.workload;

class AluKernelTest extends KernelContract {
    @Override
    Kernel kernel() {
        return new AluKernel();
    }

    @Override
    long[] goldenChecksums() {
        return new long[] {-7046044837972089175L, 6287704434103955444L, -1180963616766627632L};
    }
}
