package io.execbench.cpu;

class ProcessesModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.PROCESSES;
    }
}
