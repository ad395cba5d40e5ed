package io.execbench.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder only this user can enter (mode 0700), for a transport's socket, mapped file and peer log; deleted with
 * everything in it when the transport closes. Shared memory goes under /dev/shm where that is a writable folder
 * (RAM, never written back to a disk), anything else under the JVM's temporary folder.
 */
final class PrivateDir {

    private static final Path DEV_SHM = Path.of("/dev/shm");

    private final Path path;

    private PrivateDir(Path path) {
        this.path = path;
    }

    /** An existing folder, for the peer's own clean-up. */
    static PrivateDir of(Path path) {
        return new PrivateDir(path);
    }

    static PrivateDir create(boolean inMemory) {
        Path base = inMemory && Files.isDirectory(DEV_SHM) && Files.isWritable(DEV_SHM)
                ? DEV_SHM : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return new PrivateDir(Files.createTempDirectory(base, "execbench-ipc-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException(base + ": cannot create a private folder for IPC files: " + e, e);
        }
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the folder and its files; quietly, since it runs in clean-up paths and shutdown hooks. */
    void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // Left for the OS's temporary-folder clean-up; nothing else can be done here.
                }
            });
        } catch (IOException e) {
            // As above.
        }
    }
}
