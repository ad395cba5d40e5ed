package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.execbench.topology.TopologyProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @TempDir
    Path root;

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Environment.Cpu cpuOfFakeTree() {
        return new Environment(root).cpu(TopologyProbe.ofTree(root, 2));
    }

    @Test
    void missingFilesGiveUnknownNotAnError() {
        Environment.Cpu cpu = cpuOfFakeTree();
        assertThat(cpu.model()).isEqualTo("unknown");
        assertThat(cpu.governor()).isEqualTo("unknown");
        assertThat(cpu.cgroupCpuQuota()).isEqualTo("unknown");
        assertThat(cpu.lastLevelCacheBytes()).isNull();
        assertThat(new Environment(root).os().distribution()).isEqualTo("unknown");
        assertThat(cpu.logicalCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void readsCpuModelGovernorOnlineCpusQuotaCacheAndDistribution() throws IOException {
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Example CPU @ 3.00GHz\nflags\t: fpu\n");
        write("sys/devices/system/cpu/online", "0-3,8,10-11\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
        write("sys/devices/system/cpu/cpu0/cache/index3/level", "3\n");
        write("sys/devices/system/cpu/cpu0/cache/index3/size", "32768K\n");
        write("sys/fs/cgroup/cpu.max", "150000 100000\n");
        write("etc/os-release", "NAME=\"Debian\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        Environment.Cpu cpu = cpuOfFakeTree();
        assertThat(cpu.model()).isEqualTo("Example CPU @ 3.00GHz");
        assertThat(cpu.logicalCpus()).isEqualTo(7);
        assertThat(cpu.governor()).isEqualTo("performance");
        assertThat(cpu.cgroupCpuQuota()).isEqualTo("1.5");
        assertThat(cpu.lastLevelCacheBytes()).isEqualTo(32L << 20);
        assertThat(new Environment(root).os().distribution()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    }

    @Test
    void fingerprintIsStableAndSeparatesMachines() {
        Environment.Os os = new Environment.Os("Linux", "6.1", "amd64", "Debian");
        Environment.Cpu cpu = new Environment.Cpu("Xeon", 2, 2, "unknown", "max", null);
        Environment.Cpu bigger = new Environment.Cpu("Xeon", 16, 16, "unknown", "max", null);
        assertThat(Environment.fingerprint(cpu, os)).hasSize(6).isEqualTo(Environment.fingerprint(cpu, os));
        assertThat(Environment.fingerprint(bigger, os)).isNotEqualTo(Environment.fingerprint(cpu, os));
    }
}
