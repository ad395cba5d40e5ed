package io.execbench.cpu;

class InlineModelTest extends ExecutionModelContract {
    @Override
    String modelName() {
        return ExecutionModels.INLINE;
    }
}
