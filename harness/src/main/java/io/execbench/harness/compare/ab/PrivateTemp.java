package io.execbench.harness.compare.ab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private folder (mode 0700, a fresh name) under the harness's {@code java.io.tmpdir}, deleted with everything in
 * it on {@link #close}, or when the JVM exits before that (an interrupted comparison).
 *
 * <p>The A/B's forks get one as their {@code java.io.tmpdir} (JMH's lock file, the benchmarks' sockets, pipes' and
 * peers' files) and the duets keep their profiler and barrier sockets in one. Not in the results folder: a Unix
 * socket's path must stay under 108 bytes, which a socket in {@code <root>/results/ab/<id>.partial/forks/} never does,
 * and a results folder holds only the files it lists.
 */
public final class PrivateTemp implements AutoCloseable {

    private final Path path;
    private final Thread onExit;

    private PrivateTemp(Path path) {
        this.path = path;
        this.onExit = new Thread(this::deleteQuietly, "delete " + path.getFileName());
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Creates a fresh folder named {@code prefix} and random characters. */
    public static PrivateTemp create(String prefix) throws IOException {
        return new PrivateTemp(Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    public Path path() {
        return path;
    }

    /** Deletes the folder and everything in it. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook deletes it
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } catch (UncheckedIOException e) {
            throw new IOException(path + ": cannot remove this private temporary folder (" + e.getCause().getMessage()
                    + ")", e.getCause());
        }
    }

    private void deleteQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // exiting: nothing more to do; the folder is under the system's temporary folder
        }
    }
}
