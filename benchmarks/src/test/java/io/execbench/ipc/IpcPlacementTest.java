package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.topology.Affinity;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpcPlacementTest {

    @Test
    void parsesLabelsAndResolvesAuto() {
        assertThat(IpcPlacement.parse("split")).isEqualTo(IpcPlacement.SPLIT);
        assertThat(IpcPlacement.parse(" Same ")).isEqualTo(IpcPlacement.SAME);
        assertThat(IpcPlacement.parse("auto")).isEqualTo(IpcPlacement.best());
        assertThatThrownBy(() -> IpcPlacement.parse("far")).hasMessageContaining("'far'");
    }

    @Test
    void splitPutsTheTwoEndsOnTheFirstTwoAllowedCpus() {
        List<Integer> cpus = Affinity.currentThreadCpus().cpus().orElse(List.of());
        if (cpus.size() >= 2) {
            assertThat(IpcPlacement.best()).isEqualTo(IpcPlacement.SPLIT);
            assertThat(IpcPlacement.SPLIT.callerCpu()).isEqualTo(cpus.get(0));
            assertThat(IpcPlacement.SPLIT.peerCpu()).isEqualTo(cpus.get(1));
            assertThat(IpcPlacement.SAME.peerCpu()).isEqualTo(cpus.get(0));
        }
        assertThat(IpcPlacement.OS.callerCpu()).isEqualTo(-1);
        assertThat(IpcPlacement.OS.peerCpu()).isEqualTo(-1);
    }

    @Test
    void aPinnedPeerStillEchoes() {
        int cpu = IpcPlacement.SAME.peerCpu();
        for (String name : List.of("threads", "shm")) {
            try (Transport transport = Transports.open(name, 64, 5_000, cpu)) {
                transport.request().putLong(0, 42);
                assertThat(transport.call(Frame.ECHO, 8)).isEqualTo(8);
                assertThat(transport.reply().getLong(0)).isEqualTo(42);
            }
        }
    }

    @Test
    void payloadSizesFollowTheProfile() {
        assertThat(IpcRoundTripBenchmark.autoValues("payloadBytes", "smoke")).containsExactly("64", "16384", "1048576");
        assertThat(IpcRoundTripBenchmark.autoValues("payloadBytes", "quick"))
                .containsExactly("0", "64", "1024", "16384", "262144", "1048576", "16777216");
        assertThat(IpcRoundTripBenchmark.autoValues("payloadBytes", "full")).hasSize(10)
                .containsAll(IpcRoundTripBenchmark.autoValues("payloadBytes", "quick"));
        assertThat(IpcStreamBenchmark.autoValues("payloadBytes", "quick")).containsExactly("1048576");
        assertThat(IpcStreamBenchmark.autoValues("payloadBytes", "full")).containsExactly("65536", "1048576",
                "16777216");
        assertThat(IpcMessageFormatBenchmark.autoValues("payloadBytes", "smoke")).containsExactly("1024");
        assertThat(IpcMessageFormatBenchmark.autoValues("payloadBytes", "full")).containsExactly("1024", "1048576");
        assertThatThrownBy(() -> IpcSweep.parseBytes("auto")).hasMessageContaining("-p payloadBytes=N");
    }

    @Test
    void autoValuesOfferOnePlacement() {
        for (String profile : List.of("smoke", "quick", "full")) {
            assertThat(IpcRoundTripBenchmark.autoValues("placement", profile))
                    .containsExactly(IpcPlacement.best().label());
        }
        assertThatThrownBy(() -> IpcRoundTripBenchmark.autoValues("transport", "quick"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
