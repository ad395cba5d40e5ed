package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

class JmhExecutorTest {

    private static final Path TEMP = Path.of("/tmp/execbench-run-1");

    @Test
    void theForksShareOneClassArchiveInTheRunsTemporaryFolder() {
        List<String> options = List.of("-Dexecbench.profile=quick");

        List<String> archive = JmhExecutor.classArchive(TEMP, options);

        assertThat(archive).contains("-XX:+AutoCreateSharedArchive");
        assertThat(archive.getFirst()).startsWith("-XX:SharedArchiveFile=" + TEMP.resolve("forks-")).endsWith(".jsa");
        assertThat(JmhExecutor.classArchive(TEMP, List.copyOf(options))).isEqualTo(archive);
    }

    @Test
    void onlyAClassPathOfJarsIsArchived(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("benchmarks.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));

        assertThat(JmhExecutor.archivable(jar.toString())).isTrue();
        // The JVM refuses to write an archive of a folder of classes and the fork exits with status 1.
        assertThat(JmhExecutor.archivable(jar + File.pathSeparator + classes)).isFalse();
        assertThat(JmhExecutor.archivable(dir.resolve("missing.jar").toString())).isFalse();
        assertThat(JmhExecutor.archivable("")).isFalse();
    }

    @Test
    void forksWithOtherOptionsGetAnotherArchive() {
        // A user's workload adds to the class path: an archive written without it would be rejected and rewritten.
        List<String> plain = JmhExecutor.classArchive(TEMP, List.of("-Dexecbench.profile=quick"));
        List<String> withWorkload = JmhExecutor.classArchive(TEMP,
                List.of("-Dexecbench.profile=quick", "-Dexecbench.workload.path=/work/hash.jar"));

        assertThat(withWorkload.getFirst()).isNotEqualTo(plain.getFirst());
    }

    @Test
    void aSuiteThatRunsAnExperimentInItsSetUpGetsTheTimeoutItDeclares() {
        PlannedBenchmark kernel = new PlannedBenchmark("io.execbench.workload.KernelBenchmark.run", Mode.AverageTime,
                new LinkedHashMap<>());
        PlannedBenchmark server = new PlannedBenchmark("io.execbench.server.ServerLoadBenchmark.cheapRequest",
                Mode.SampleTime, new LinkedHashMap<>());

        assertThat(JmhExecutor.timeoutSeconds(kernel, Profile.QUICK)).isEqualTo(60);
        assertThat(JmhExecutor.timeoutSeconds(server, Profile.QUICK)).isEqualTo(600);
    }
}
