package io.execbench.cpu;

class SpawnPerTaskModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.SPAWN_PER_TASK;
    }

    @Override
    int rounds() {
        return 1; // each batch starts three JVMs
    }
}
