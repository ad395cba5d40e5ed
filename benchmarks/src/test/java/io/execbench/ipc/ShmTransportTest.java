package io.execbench.ipc;

class ShmTransportTest extends TransportContractTest {
    @Override
    String transport() {
        return "shm";
    }
}
