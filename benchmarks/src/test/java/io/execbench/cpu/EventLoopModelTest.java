package io.execbench.cpu;

class EventLoopModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.EVENT_LOOP;
    }
}
