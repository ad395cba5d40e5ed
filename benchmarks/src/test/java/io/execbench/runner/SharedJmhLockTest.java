package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another user's JMH, holding JMH's lock file in the shared temporary folder, must not block our benchmarks: the
 * runner gives JMH a private folder of its own ({@link RunTemp}). Needs a runner JVM of its own, since JMH fixes its
 * lock file's path once per JVM.
 */
class SharedJmhLockTest {

    @TempDir
    Path results;
    @TempDir
    Path sharedTmp;

    private Process runner;

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    @Test
    void aJmhLockHeldInTheSharedTemporaryFolderBlocksNoBenchmark() throws Exception {
        try (FileChannel lockFile = FileChannel.open(sharedTmp.resolve("jmh.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lockFile.lock()) {
            runner = RunnerProcess.start(results, sharedTmp, "test", "KernelBenchmark.baseline");
            assertThat(runner.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(held.isValid()).isTrue();
        }
        assertThat(runner.exitValue()).as(log()).isEqualTo(BenchMain.EXIT_OK);
        Path run = RunFolders.list(results).getFirst();
        assertThat(RunFolders.json(run.resolve("run.json")).get("status").asText()).isEqualTo("complete");
        try (var left = Files.list(sharedTmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("left in the shared temporary folder")
                    .containsExactly("jmh.lock");
        }
    }

    private String log() throws IOException {
        return Files.readString(RunnerProcess.log(results));
    }
}
