package io.execbench.runner;

import io.execbench.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file named by {@code --run-id-file}: the name of the run folder this runner made, one line, no path
 * ({@code <run-id>} for a finished run, {@code <run-id>.partial} for an interrupted one), so that the main job's
 * next steps report on the run just made and never on whatever folder sorts last.
 *
 * <p>Deleted when the runner starts, written (atomically and durably) only once the folder has its final name:
 * a file that exists names a folder that exists, and a runner that died early leaves none.
 */
final class RunIdFile {

    private static final RunIdFile NONE = new RunIdFile(null);

    private final Path file;

    private RunIdFile(Path file) {
        this.file = file;
    }

    /** The file at {@code file}, or one that does nothing when the option was not given. */
    static RunIdFile at(Path file) {
        return file == null ? NONE : new RunIdFile(file.toAbsolutePath());
    }

    /** Deletes a file left by an earlier run. */
    void clear() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot delete the previous run id: " + e.getMessage(), e);
        }
    }

    /** Writes the name of {@code runDir}, which must have its final name already. */
    void write(Path runDir) {
        if (file == null) {
            return;
        }
        try {
            DurableFiles.write(file, (runDir.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the run id: " + e.getMessage(), e);
        }
    }
}
