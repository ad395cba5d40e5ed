package io.execbench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be seen of a durable write without pulling the plug: the target holds the old content or the whole new
 * one, never a part; no temporary file stays; folders are created; a rename never replaces an existing target. (The
 * fsyncs themselves show only in a system-call trace; see the commit that added this class.)
 */
class DurableFilesTest {

    @TempDir
    Path dir;

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    @Test
    void writeReplacesTheWholeContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("run.json");
        DurableFiles.write(file, "{\"old\": true}".getBytes());
        DurableFiles.write(file, "{}".getBytes());

        assertThat(file).hasContent("{}");
        assertThat(names()).containsExactly("run.json");
    }

    @Test
    void writeCreatesMissingFolders() throws IOException {
        Path file = dir.resolve("run.partial/latency/x.hlog");
        DurableFiles.write(file, new byte[] {1, 2, 3});
        assertThat(file).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void aWriteThatFailsKeepsTheOldContent() throws IOException {
        Path file = dir.resolve("canary.json");
        DurableFiles.write(file, "old".getBytes());
        Files.createDirectory(dir.resolve(".canary.json.tmp")); // the temporary name is taken: the write fails
        Files.writeString(dir.resolve(".canary.json.tmp/blocker"), "x");

        assertThatThrownBy(() -> DurableFiles.write(file, "new".getBytes())).isInstanceOf(IOException.class);
        assertThat(file).hasContent("old");
    }

    @Test
    void moveRenamesAFolderButNeverOverAnExistingOne() throws IOException {
        Path partial = Files.createDirectory(dir.resolve("run.partial"));
        Files.writeString(partial.resolve("run.json"), "{}");
        Path earlier = Files.createDirectory(dir.resolve("earlier"));

        assertThatThrownBy(() -> DurableFiles.move(partial, earlier)).isInstanceOf(FileAlreadyExistsException.class);
        DurableFiles.move(partial, dir.resolve("run"));

        assertThat(dir.resolve("run/run.json")).hasContent("{}");
        assertThat(names()).containsExactlyInAnyOrder("run", "earlier");
    }
}
