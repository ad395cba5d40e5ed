package io.execbench.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes that survive a crash or a power cut whole: after one of these returns, the file (or folder name) is on
 * disk with its full content, and until then the previous version is.
 *
 * <p>A rename alone is atomic for other processes but not for the disk: without an fsync of the file's content
 * before the rename, a crash can leave the new name pointing at an empty or partial file; without an fsync of the
 * folder after it, the rename itself can be lost. So: write a temporary sibling, {@link FileChannel#force} it,
 * rename it over the target, force the folder ({@code FileChannel.open(folder, READ)} works on Linux).
 *
 * <p>Temporary files are named {@code .<name>.tmp} beside the target: one writer per file (the runner writes a file
 * from one place; each fork writes its own latency log).
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Replaces {@code file} with {@code content}, atomically and durably; creates missing folders durably too. */
    public static void write(Path file, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolders(folder);
        Path temp = folder.resolve("." + file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true); // the content is on disk before any name points at it
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup); // the write's own failure is the one to report
            }
            throw e;
        }
        syncFolder(folder); // the rename is on disk
    }

    /**
     * Renames {@code source} to {@code target} in one step (a file or a folder) and forces both folders. Refuses an
     * existing target (an earlier run's folder, say), which rename(2) would silently replace if it were empty.
     */
    public static void move(Path source, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        Path from = source.toAbsolutePath().getParent();
        Path to = target.toAbsolutePath().getParent();
        syncFolder(to);
        if (!from.equals(to)) {
            syncFolder(from);
        }
    }

    /** Creates {@code folder} and any missing parent, forcing each new entry's parent so the folders stay. */
    public static void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path created = missing.pop();
            Files.createDirectories(created); // tolerates a concurrent creator (two forks, one latency folder)
            syncFolder(created.getParent());
        }
    }

    /** Forces a folder's entries (names created, renamed or deleted in it) to disk. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
