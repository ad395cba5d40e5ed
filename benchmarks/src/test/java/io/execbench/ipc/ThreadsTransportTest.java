package io.execbench.ipc;

class ThreadsTransportTest extends TransportContractTest {
    @Override
    String transport() {
        return "threads";
    }
}
