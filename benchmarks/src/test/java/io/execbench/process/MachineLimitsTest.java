package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's limits from fake /proc and /sys trees, and the check that stops a step short of them. */
class MachineLimitsTest {

    @TempDir
    Path root;

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void proc() throws IOException {
        write("proc/sys/kernel/threads-max", "192725\n");
        write("proc/sys/vm/max_map_count", "65530\n");
        write("proc/loadavg", "0.72 1.74 2.46 3/114 3662\n");
        write("proc/meminfo", "MemTotal:       24683548 kB\nMemFree:  1 kB\nMemAvailable:   24068484 kB\n");
        write("proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max processes             96362                96362                processes\n");
    }

    @Test
    void readsCgroupV2Limits() throws IOException {
        proc();
        write("proc/self/cgroup", "0::/user.slice/job\n");
        write("sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n");
        write("sys/fs/cgroup/user.slice/job/pids.max", "4096\n");
        write("sys/fs/cgroup/user.slice/job/pids.current", "37\n");
        write("sys/fs/cgroup/user.slice/job/memory.max", "8589934592\n");
        write("sys/fs/cgroup/user.slice/job/memory.current", "1073741824\n");

        MachineLimits limits = MachineLimits.read(root);

        assertThat(limits).isEqualTo(new MachineLimits(192_725L, 114L, 65_530L, 4096L, 37L, 96_362L,
                24_683_548L * 1024, 24_068_484L * 1024, 8L << 30, 1L << 30));
    }

    @Test
    void readsCgroupV1ControllersAndTakesMaxAndHugeValuesAsNoLimit() throws IOException {
        proc();
        write("proc/self/cgroup", "8:pids:/\n4:memory:/process_api/abc\n0::/\n");
        write("sys/fs/cgroup/pids/pids.max", "max\n");
        write("sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/memory/process_api/abc/memory.usage_in_bytes", "48033792\n");

        MachineLimits limits = MachineLimits.read(root);

        assertThat(limits.pidsMax()).isNull();
        assertThat(limits.cgroupMemoryMaxBytes()).isNull();
        assertThat(limits.cgroupMemoryCurrentBytes()).isEqualTo(48_033_792L);
    }

    @Test
    void anEmptyMachineSaysNothingAndRefusesNothing() {
        MachineLimits limits = MachineLimits.read(root);

        assertThat(limits).isEqualTo(new MachineLimits(null, null, null, null, null, null, null, null, null, null));
        assertThat(limits.refusal(1_000_000, 1_000_000, Long.MAX_VALUE / 2)).isEmpty();
    }

    @Test
    void refusesAStepThatComesWithinAMarginOfALimitAndNamesIt() {
        MachineLimits limits = new MachineLimits(10_000L, 500L, 65_530L, 4096L, 100L, null, 24L << 30, 8L << 30,
                null, null);

        assertThat(limits.refusal(2_100, 4_300, 100L << 20)).isEmpty();
        assertThat(limits.refusal(3_700, 4_300, 100L << 20)).get().asString().startsWith("pids.max: 100 + 3700");
        assertThat(limits.refusal(9_000, 4_300, 100L << 20)).get().asString().startsWith("threads-max: ")
                .contains("pids.max");
        assertThat(limits.refusal(10, 60_000, 100L << 20)).get().asString().startsWith("max_map_count: ");
        // 8 GiB available, 3 GiB (an eighth of 24) kept back
        assertThat(limits.refusal(10, 100, 5L << 30)).isEmpty();
        assertThat(limits.refusal(10, 100, 6L << 30)).get().asString().startsWith("memory: 6144 MiB more");
    }

    @Test
    void keepsACgroupsMemoryClearOfItsLimit() {
        MachineLimits limits = new MachineLimits(null, null, null, null, null, null, 24L << 30, 20L << 30,
                4L << 30, 1L << 30);

        assertThat(limits.refusal(1, 1, 2L << 30)).isEmpty();
        assertThat(limits.refusal(1, 1, 3L << 30)).get().asString().contains("cgroup");
    }
}
