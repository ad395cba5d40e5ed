package io.execbench.ipc;

class UdsTransportTest extends TransportContractTest {
    @Override
    String transport() {
        return "uds";
    }
}
