package io.execbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietFilesTest {

    @TempDir
    Path dir;

    @Test
    void deletesAFileAndToleratesOneAlreadyGone() throws IOException {
        Path file = Files.writeString(dir.resolve("stderr"), "x");

        assertThat(QuietFiles.deleteQuietly(file)).isTrue();
        assertThat(file).doesNotExist();
        assertThat(QuietFiles.deleteQuietly(file)).isTrue();
        assertThat(QuietFiles.deleteQuietly(null)).isTrue();
    }

    @Test
    void reportsAFolderThatCannotBeDeletedInsteadOfThrowing() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("full"));
        Files.writeString(folder.resolve("left"), "x");

        assertThat(QuietFiles.deleteQuietly(folder)).isFalse();
        assertThat(folder).exists();
    }
}
