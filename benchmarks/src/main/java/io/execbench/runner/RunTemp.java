package io.execbench.runner;

import io.execbench.files.QuietFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 *
 * <p>A run killed with SIGKILL cannot delete its folder (the forks' class archive alone is tens of megabytes). So each
 * folder holds an {@value #OWNER_FILE} file that its runner keeps locked while it lives (the lock goes with the
 * process, however it ends), and creating a folder first deletes the sibling folders whose owner file nobody holds.
 * A folder without an owner file, or another user's, is left alone.
 */
final class RunTemp {

    static final String PREFIX = "execbench-run-";
    static final String TMPDIR_PROPERTY = "java.io.tmpdir";
    static final String OWNER_FILE = "owner";
    /** How many sibling folders one start looks at, at most: the sweep is bounded whatever /tmp holds. */
    static final int SWEEP_LIMIT = 1_000;

    private final Path path;
    private final FileChannel owner; // locked while the run lives; null for a folder being swept

    private RunTemp(Path path, FileChannel owner) {
        this.path = path;
        this.owner = owner;
    }

    /** Creates a fresh folder under this JVM's temporary folder, after deleting those of runs that were killed. */
    static RunTemp create() {
        Path base = Path.of(System.getProperty(TMPDIR_PROPERTY));
        sweepAbandoned(base);
        Path folder = null;
        try {
            folder = Files.createTempDirectory(base, PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            FileChannel owner = FileChannel.open(folder.resolve(OWNER_FILE), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            owner.lock(); // held until this JVM deletes the folder or dies, however it dies
            owner.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new RunTemp(folder, owner);
        } catch (IOException e) {
            if (folder != null) {
                new RunTemp(folder, null).delete();
            }
            throw new UncheckedIOException(base + ": cannot create the run's private temporary folder: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Deletes the folders under {@code base} left by runs that ended without deleting them (killed with SIGKILL):
     * those whose owner file nobody holds locked. Returns how many went.
     */
    static int sweepAbandoned(Path base) {
        int deleted = 0;
        int seen = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path folder : folders) {
                if (++seen > SWEEP_LIMIT) {
                    break;
                }
                if (abandoned(folder) && new RunTemp(folder, null).delete()) {
                    deleted++;
                }
            }
        } catch (IOException | UncheckedIOException | java.nio.file.DirectoryIteratorException e) {
            // Cannot list the system temporary folder: nothing to sweep, and creating ours will say why if it fails.
        }
        return deleted;
    }

    /**
     * Whether {@code folder} is this user's, holds an owner file, and no process holds that file locked: its run
     * is gone. A lock dies with its process, SIGKILL included, and is seen across PID namespaces sharing the folder.
     */
    static boolean abandoned(Path folder) {
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName()
                    .equals(System.getProperty("user.name"))) {
                return false;
            }
            Path ownerFile = folder.resolve(OWNER_FILE);
            if (!Files.isRegularFile(ownerFile, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try (FileChannel owner = FileChannel.open(ownerFile, StandardOpenOption.WRITE);
                 FileLock lock = owner.tryLock()) {
                return lock != null;
            }
        } catch (IOException | RuntimeException e) {
            return false; // unreadable, not ours, or locked by this JVM (OverlappingFileLockException): left alone
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
        if (owner != null) {
            try {
                owner.close(); // releases the lock
            } catch (IOException e) {
                // the folder goes anyway
            }
        }
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
