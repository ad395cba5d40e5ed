package io.execbench.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class TopologyProbeTest {

    private static Topology probe(String tree, int availableProcessors) {
        try {
            Path root = Path.of(Objects.requireNonNull(TopologyProbeTest.class.getResource("/topology/" + tree)).toURI());
            return TopologyProbe.ofTree(root, availableProcessors);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoCoreVmWithoutSmt() {
        Topology t = probe("vm-2core", 2);
        assertThat(t.cpuModel()).isEqualTo("Intel(R) Xeon(R) Processor");
        assertThat(List.of(t.sockets(), t.physicalCores(), t.logicalCpus(), t.smtThreadsPerCore()))
                .containsExactly(1, 2, 2, 1);
        assertThat(t.hasSmt()).isFalse();
        assertThat(t.smtControl()).isEqualTo("notsupported");
        assertThat(t.smtActive()).isFalse();
        assertThat(t.siblingSets()).containsExactly(List.of(0), List.of(1));
        assertThat(t.onlineCpus()).containsExactly(0, 1);
        assertThat(t.allowedCpus()).containsExactly(0, 1);
        assertThat(t.allowedCpusSource()).isEqualTo("/proc/self/status");
        assertThat(t.cgroupCpuQuota()).isEqualTo("max");
        assertThat(t.cgroupCpuQuotaSource()).isEqualTo("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
        assertThat(t.availableProcessors()).isEqualTo(2);
        assertThat(t.caches()).containsExactly(
                new Topology.Cache(1, "Data", 48L << 10, List.of(0)),
                new Topology.Cache(1, "Instruction", 32L << 10, List.of(0)),
                new Topology.Cache(2, "Unified", 2048L << 10, List.of(0)),
                new Topology.Cache(3, "Unified", 307200L << 10, List.of(0, 1)));
        assertThat(t.usableCores()).containsExactly(List.of(0), List.of(1));
    }

    @Test
    void smtDesktopPairsCpuWithCpuPlusFour() {
        Topology t = probe("desktop-4c8t", 8);
        assertThat(t.cpuModel()).isEqualTo("Intel(R) Core(TM) i7-1185G7 @ 3.00GHz");
        assertThat(List.of(t.sockets(), t.physicalCores(), t.logicalCpus(), t.smtThreadsPerCore()))
                .containsExactly(1, 4, 8, 2);
        assertThat(t.hasSmt()).isTrue();
        assertThat(t.smtControl()).isEqualTo("on");
        assertThat(t.smtActive()).isTrue();
        assertThat(t.siblingSets()).containsExactly(List.of(0, 4), List.of(1, 5), List.of(2, 6), List.of(3, 7));
        assertThat(t.cpus().get(5)).isEqualTo(new Topology.Cpu(5, 0, 1, List.of(1, 5)));
        assertThat(t.allowedCpus()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(t.cgroupCpuQuota()).isEqualTo("max");
        assertThat(t.cgroupCpuQuotaSource())
                .isEqualTo("/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope/cpu.max");
        assertThat(t.caches()).extracting(Topology.Cache::sizeBytes)
                .containsExactly(48L << 10, 32L << 10, 1280L << 10, 12L << 20);
        assertThat(t.usableCores()).containsExactly(List.of(0, 4), List.of(1, 5), List.of(2, 6), List.of(3, 7));
    }

    @Test
    void twoSocketServerCountsCoresBySocketAndCoreId() {
        Topology t = probe("server-2s4c2t", 15);
        // core_id runs 0-3 on each socket: counting core_id alone would find 4 cores, not 8.
        assertThat(List.of(t.sockets(), t.physicalCores(), t.logicalCpus(), t.smtThreadsPerCore()))
                .containsExactly(2, 8, 15, 2);
        assertThat(t.onlineCpus()).hasSize(15).doesNotContain(15);
        assertThat(t.siblingSets()).containsExactly(List.of(0, 8), List.of(1, 9), List.of(2, 10), List.of(3, 11),
                List.of(4, 12), List.of(5, 13), List.of(6, 14), List.of(7));
        assertThat(t.allowedCpus()).isNull();
        assertThat(t.allowedCpusSource()).isEqualTo("unknown");
        assertThat(t.cgroupCpuQuota()).isEqualTo("unknown");
        assertThat(t.cgroupCpuQuotaSource()).isEqualTo("unknown");
        assertThat(t.caches()).last().isEqualTo(new Topology.Cache(3, "Unified", 16L << 20,
                List.of(0, 1, 2, 3, 8, 9, 10, 11)));
        // Without an allowed set every online CPU is usable; cores ordered socket by socket.
        assertThat(t.usableCores()).containsExactly(List.of(0, 8), List.of(1, 9), List.of(2, 10), List.of(3, 11),
                List.of(4, 12), List.of(5, 13), List.of(6, 14), List.of(7));
    }

    @Test
    void containerWithQuotaOfOneAndAHalfCpus() {
        Topology t = probe("container-1.5cpu", 2);
        assertThat(t.cpuModel()).isEqualTo("AMD EPYC 7B13");
        assertThat(List.of(t.sockets(), t.physicalCores(), t.logicalCpus(), t.smtThreadsPerCore()))
                .containsExactly(1, 4, 8, 2);
        assertThat(t.cgroupCpuQuota()).isEqualTo("1.5");
        assertThat(t.cgroupCpuQuotaSource()).isEqualTo("/sys/fs/cgroup/cpu.max");
        assertThat(t.allowedCpus()).containsExactly(0, 1, 2, 3);
        assertThat(t.availableProcessors()).isEqualTo(2);
        // No smt/ and no cache/ directories: unknown, and the probe went on.
        assertThat(t.smtControl()).isEqualTo("unknown");
        assertThat(t.smtActive()).isNull();
        assertThat(t.caches()).isNull();
        assertThat(t.usableCpus()).containsExactly(0, 1, 2, 3);
        assertThat(t.usableCores()).containsExactly(List.of(0, 1), List.of(2, 3));
    }

    @Test
    void emptyTreeIsAllUnknownAndDoesNotFail() {
        Topology t = TopologyProbe.ofTree(Path.of("/nonexistent-execbench-root"), 3);
        assertThat(t.sockets()).isNull();
        assertThat(t.physicalCores()).isNull();
        assertThat(t.logicalCpus()).isNull();
        assertThat(t.smtThreadsPerCore()).isNull();
        assertThat(t.cpuModel()).isEqualTo("unknown");
        assertThat(t.cgroupCpuQuota()).isEqualTo("unknown");
        assertThat(t.usableCpus()).containsExactly(0, 1, 2);
    }

    @Test
    void thisMachineProbesWithoutError() {
        Topology t = TopologyProbe.probe();
        assertThat(t.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(t.usableCpus()).isNotEmpty();
    }

    @Test
    void cpuListsRoundTrip() {
        assertThat(CpuList.parse("0-3,8,10-11")).containsExactly(0, 1, 2, 3, 8, 10, 11);
        assertThat(CpuList.parse("0-7:2\n")).containsExactly(0, 2, 4, 6);
        assertThat(CpuList.format(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2,5,7-8");
        assertThat(TopologyProbe.cacheBytes("307200K")).isEqualTo(300L << 20);
    }
}
