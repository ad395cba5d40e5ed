package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchMechanismsTest {

    @Test
    void acceptedMechanismsAreKeptAndARefusedOneIsLeftOutWithTheJdksReason() {
        LaunchMechanisms.Probe probe = LaunchMechanisms.probe(List.of("POSIX_SPAWN", "NO_SUCH_MECHANISM"));

        assertThat(probe.accepted()).containsExactly("POSIX_SPAWN");
        assertThat(probe.notes()).singleElement().asString()
                .startsWith("NO_SUCH_MECHANISM: not measured: this JDK refuses it (")
                .contains("NO_SUCH_MECHANISM is not a supported process launch mechanism")
                .doesNotContain("\tat ");
    }
}
