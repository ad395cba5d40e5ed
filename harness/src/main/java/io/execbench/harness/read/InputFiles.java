package io.execbench.harness.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Opens files of a results folder as untrusted input. Results folders travel (CI artifacts, tarballs, a history
 * branch), so a file may be a symbolic link to anything of the reader's, a FIFO that blocks for ever, a device, or
 * far larger than any run writes. Only regular files are read, links are never followed, and each kind of file has
 * a size cap ({@link #JMH_JSON_MAX_BYTES} and the others); each refusal is a {@link RunReadException} naming the file.
 */
public final class InputFiles {

    /** jmh.json: a full run with SampleTime histograms is a few MB; 256 MiB is far beyond any real run. */
    public static final long JMH_JSON_MAX_BYTES = 256L << 20;
    /** run.json, canary.json, topology and other small descriptions. */
    public static final long SMALL_JSON_MAX_BYTES = 4L << 20;
    /** noise.json: one entry per benchmark. */
    public static final long NOISE_JSON_MAX_BYTES = 16L << 20;
    /** One {@code .hlog} file: a full run writes well under a MB per file. */
    public static final long HLOG_MAX_BYTES = 64L << 20;
    /**
     * An A/B comparison's {@code ab.json}, streamed: every pair of every benchmark, with each duet's iterations; the
     * whole suite in full (121 benchmarks, 30 rounds of duets of 5 iterations, about 1 KB a pair) comes to about 4 MB.
     */
    public static final long AB_JSON_MAX_BYTES = 64L << 20;

    private InputFiles() {
    }

    /** Whether {@code file} exists at all, a link included (a link must be refused, not taken for absent). */
    public static boolean present(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Opens {@code file} for reading after checking that it is a regular file (not a link, FIFO or device) of at
     * most {@code maxBytes}.
     */
    public static InputStream open(Path file, long maxBytes) throws RunReadException {
        requireRegular(file, maxBytes);
        try {
            // NOFOLLOW_LINKS again at open: the file could have been swapped for a link since the check.
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new RunReadException(file, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Checks that {@code file} is a regular file of at most {@code maxBytes}, without following links. */
    public static void requireRegular(Path file, long maxBytes) throws RunReadException {
        BasicFileAttributes attributes = attributes(file);
        if (attributes.isSymbolicLink()) {
            throw new RunReadException(file, "not a regular file (a symbolic link; links are not followed)");
        }
        if (!attributes.isRegularFile()) {
            throw new RunReadException(file, "not a regular file (" + (attributes.isDirectory() ? "a folder"
                    : "a FIFO, socket or device") + ")");
        }
        if (attributes.size() > maxBytes) {
            throw new RunReadException(file, "is " + megabytes(attributes.size()) + ", more than the "
                    + megabytes(maxBytes) + " a results file may hold");
        }
    }

    /**
     * The files of {@code dir} (a folder of a run) whose names end with {@code suffix}, sorted, leaving out names that
     * start with a dot (a writer's temporary file); empty when there is no such folder. Bounded: more than
     * {@code maxFiles} is refused, naming {@code what} they are.
     */
    public static List<Path> list(Path dir, String suffix, int maxFiles, String what) throws RunReadException {
        if (!present(dir)) {
            return List.of();
        }
        requireFolder(dir);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(suffix)
                    && !f.getFileName().toString().startsWith(".")).limit(maxFiles + 1L).sorted().toList();
        } catch (IOException e) {
            throw new RunReadException(dir, "cannot list: " + e.getMessage(), e);
        }
        if (files.size() > maxFiles) {
            throw new RunReadException(dir, "holds more than " + maxFiles + " " + what);
        }
        return files;
    }

    /** Checks that {@code dir} is a folder and not a link to one. */
    public static void requireFolder(Path dir) throws RunReadException {
        BasicFileAttributes attributes = attributes(dir);
        if (attributes.isSymbolicLink()) {
            throw new RunReadException(dir, "is a symbolic link; a run folder must be a real folder");
        }
        if (!attributes.isDirectory()) {
            throw new RunReadException(dir, "not a folder (expected a run folder holding jmh.json)");
        }
    }

    private static BasicFileAttributes attributes(Path path) throws RunReadException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new RunReadException(path, "missing", e);
        } catch (IOException e) {
            throw new RunReadException(path, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
