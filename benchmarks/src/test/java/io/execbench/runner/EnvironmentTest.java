package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void cgroupV2QuotaIsReportedInCpus() throws IOException {
        write("sys/fs/cgroup/cpu.max", "150000 100000\n");
        assertThat(new Environment(root).cgroupQuota()).isEqualTo("1.5");
    }

    @Test
    void cgroupV2WithoutLimitIsMax() throws IOException {
        write("sys/fs/cgroup/cpu.max", "max 100000\n");
        assertThat(new Environment(root).cgroupQuota()).isEqualTo("max");
    }

    @Test
    void cgroupV1QuotaIsReadWhenV2IsAbsent() throws IOException {
        write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "200000\n");
        write("sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");
        assertThat(new Environment(root).cgroupQuota()).isEqualTo("2.0");
    }

    @Test
    void missingFilesGiveUnknownNotAnError() {
        Environment env = new Environment(root);
        assertThat(env.cgroupQuota()).isEqualTo("unknown");
        assertThat(env.cpu().model()).isEqualTo("unknown");
        assertThat(env.cpu().governor()).isEqualTo("unknown");
        assertThat(env.os().distribution()).isEqualTo("unknown");
        assertThat(env.cpu().logicalCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void readsCpuModelGovernorOnlineCpusAndDistribution() throws IOException {
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Example CPU @ 3.00GHz\nflags\t: fpu\n");
        write("sys/devices/system/cpu/online", "0-3,8,10-11\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
        write("etc/os-release", "NAME=\"Debian\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        Environment env = new Environment(root);
        assertThat(env.cpu().model()).isEqualTo("Example CPU @ 3.00GHz");
        assertThat(env.cpu().logicalCpus()).isEqualTo(7);
        assertThat(env.cpu().governor()).isEqualTo("performance");
        assertThat(env.os().distribution()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
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
