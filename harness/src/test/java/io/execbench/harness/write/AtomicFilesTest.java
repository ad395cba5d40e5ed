package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void replacesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = temp.resolve("a").resolve("index.html");

        AtomicFiles.write(target, "old");
        AtomicFiles.write(target, "new ✓");

        assertThat(Files.readString(target)).isEqualTo("new ✓");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failureNamesThePath() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        Path target = file.resolve("index.html"); // a folder that is a file

        assertThatThrownBy(() -> AtomicFiles.write(target, "x"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(target + ": cannot write (");
    }

    @Test
    void aLoneSurrogateIsWrittenAsAReplacementInsteadOfFailing() throws Exception {
        Path target = temp.resolve("index.html");

        AtomicFiles.write(target, "commit \ud800x");

        assertThat(Files.readString(target)).isEqualTo("commit ?x");
    }

    @Test
    void aSetWhoseLastFileCannotBeWrittenLeavesEveryOldFileInPlace() throws Exception {
        Path first = Files.writeString(temp.resolve("verdict.json"), "old json");
        Path blocked = Files.writeString(temp.resolve("file"), "x").resolve("verdict.md"); // its folder is a file
        Map<Path, String> set = new LinkedHashMap<>();
        set.put(first, "new json");
        set.put(blocked, "new md");

        assertThatThrownBy(() -> AtomicFiles.writeAll(set)).isInstanceOf(IOException.class);

        assertThat(Files.readString(first)).isEqualTo("old json");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactlyInAnyOrder(first, temp.resolve("file"));
        }
    }
}
