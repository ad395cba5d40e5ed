package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.runner.Profile;
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
        assertThat(new IpcRoundTripBenchmark().values("payloadBytes", Profile.SMOKE)).containsExactly("64", "16384", "1048576");
        assertThat(new IpcRoundTripBenchmark().values("payloadBytes", Profile.QUICK))
                .containsExactly("0", "64", "1024", "16384", "262144", "1048576", "16777216");
        assertThat(new IpcRoundTripBenchmark().values("payloadBytes", Profile.FULL)).hasSize(10)
                .containsAll(new IpcRoundTripBenchmark().values("payloadBytes", Profile.QUICK));
        assertThat(new IpcStreamBenchmark().values("payloadBytes", Profile.QUICK)).containsExactly("1048576");
        assertThat(new IpcStreamBenchmark().values("payloadBytes", Profile.FULL)).containsExactly("65536", "1048576",
                "16777216");
        assertThat(new IpcMessageFormatBenchmark().values("payloadBytes", Profile.SMOKE)).containsExactly("1024");
        assertThat(new IpcMessageFormatBenchmark().values("payloadBytes", Profile.FULL)).containsExactly("1024", "1048576");
        assertThatThrownBy(() -> IpcSweep.parseBytes("auto")).hasMessageContaining("-p payloadBytes=N");
    }

    @Test
    void autoValuesOfferOnePlacement() {
        for (Profile profile : List.of(Profile.SMOKE, Profile.QUICK, Profile.FULL)) {
            assertThat(new IpcRoundTripBenchmark().values("placement", profile))
                    .containsExactly(IpcPlacement.best().label());
        }
        assertThatThrownBy(() -> new IpcRoundTripBenchmark().values("transport", Profile.QUICK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
