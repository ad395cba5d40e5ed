package io.execbench.cpu;

class FixedPoolModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.FIXED_POOL;
    }
}
