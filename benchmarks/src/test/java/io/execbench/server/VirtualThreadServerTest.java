package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualThreadServerTest extends ServerContract {

    @Override
    String model() {
        return "virtual";
    }

    @Test
    void hasNoLoopLag() {
        assertThat(server.loopLagNs()).isEmpty();
    }
}
