package io.execbench.runner;

import io.execbench.files.QuietFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder for one run (mode 0700, a fresh name), given to JMH and its forks as
 * {@code java.io.tmpdir} and deleted with everything in it when the run ends, completed or interrupted.
 *
 * <p>Why: JMH serialises its runs with a lock file, {@code <java.io.tmpdir>/jmh.lock}. In the shared /tmp, another
 * user's JMH run, or a hung one still holding the lock, would make every benchmark of ours fail with "Another JMH
 * instance might be running". Nobody else can hold a lock in a folder of our own. The forks' temporary files (IPC
 * sockets and logs, CDS and AOT archives, worker stderr, JMH's own files) land here too, so deleting this folder
 * deletes whatever a killed fork left behind.
 *
 * <p>Where: under the system temporary folder, not in the results folder: a Unix socket's path must stay under
 * 108 bytes, and a results folder holds only regular files.
 */
final class RunTemp {

    static final String PREFIX = "execbench-run-";
    static final String TMPDIR_PROPERTY = "java.io.tmpdir";

    private final Path path;

    private RunTemp(Path path) {
        this.path = path;
    }

    /** Creates a fresh folder under this JVM's temporary folder. */
    static RunTemp create() {
        Path base = Path.of(System.getProperty(TMPDIR_PROPERTY));
        try {
            return new RunTemp(Files.createTempDirectory(base, PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException(base + ": cannot create the run's private temporary folder: "
                    + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** The JVM option that makes a fork use this folder. */
    String jvmOption() {
        return "-D" + TMPDIR_PROPERTY + "=" + path;
    }

    /**
     * Deletes the folder and everything in it; quietly, since it runs on the way out (a shutdown hook included),
     * where a file that cannot be deleted must not hide why the run ended. Returns whether the folder is gone.
     */
    boolean delete() {
        if (!Files.exists(path)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(QuietFiles::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // A file vanished while walking (a fork deleting its own): the check below tells.
        }
        return !Files.exists(path);
    }
}
