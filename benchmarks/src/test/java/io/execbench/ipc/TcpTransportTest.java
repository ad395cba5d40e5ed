package io.execbench.ipc;

class TcpTransportTest extends TransportContractTest {
    @Override
    String transport() {
        return "tcp";
    }
}
