package io.execbench.ipc;

class PipeTransportTest extends TransportContractTest {
    @Override
    String transport() {
        return "pipe";
    }
}
