package io.execbench.cpu;

class ForkJoinModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.FORK_JOIN;
    }
}
