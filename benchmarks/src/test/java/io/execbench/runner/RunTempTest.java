package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTempTest {

    @TempDir
    Path base;

    @Test
    void aFolderLeftByARunKilledWithSigkillIsDeletedByTheNextRunAndALiveRunsIsKept() throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + base, "-cp", System.getProperty("java.class.path"), Holder.class.getName())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("the holder's first line").startsWith("folder ");
            Path folder = Path.of(line.substring("folder ".length()));
            Files.writeString(folder.resolve("forks-1.jsa"), "an archive");

            assertThat(RunTemp.sweepAbandoned(base)).isZero();
            assertThat(folder).exists();

            run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(folder.resolve("forks-1.jsa")).exists();

            assertThat(RunTemp.sweepAbandoned(base)).isEqualTo(1);
            assertThat(folder).doesNotExist();
        } finally {
            run.destroyForcibly();
            run.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void thisJvmsOwnFolderAndFoldersWithoutAnOwnerFileAreLeftAlone() throws IOException {
        String systemTemp = System.getProperty(RunTemp.TMPDIR_PROPERTY);
        System.setProperty(RunTemp.TMPDIR_PROPERTY, base.toString());
        RunTemp ours;
        try {
            ours = RunTemp.create();
        } finally {
            System.setProperty(RunTemp.TMPDIR_PROPERTY, systemTemp);
        }
        Path unknown = Files.createDirectory(base.resolve(RunTemp.PREFIX + "no-owner"));
        Path notAFolder = Files.writeString(base.resolve(RunTemp.PREFIX + "file"), "x");

        assertThat(RunTemp.sweepAbandoned(base)).isZero();
        assertThat(ours.path()).exists();
        assertThat(unknown).exists();
        assertThat(notAFolder).exists();

        assertThat(ours.delete()).isTrue();
        assertThat(ours.path()).doesNotExist();
    }

    /** A run that creates its folder, says where, and waits to be killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            RunTemp temp = RunTemp.create();
            System.out.println("folder " + temp.path());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2)); // bounded: a test that dies leaves no endless process
        }
    }
}
