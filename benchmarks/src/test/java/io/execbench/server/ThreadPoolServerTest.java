package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadPoolServerTest extends ServerContract {

    @Override
    String model() {
        return "threadPool";
    }

    @Test
    void hasNoLoopLag() {
        assertThat(server.loopLagNs()).isEmpty();
    }
}
