package io.execbench.cpu;

class VirtualModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.VIRTUAL;
    }
}
