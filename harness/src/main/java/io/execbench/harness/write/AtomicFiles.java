package io.execbench.harness.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes files so that a reader (a browser, a CI artifact upload, the next night's comparison) sees either the old
 * file or the new one, never half of one, even across a crash or a power cut: the text goes to a hidden temporary
 * file in the same folder, which is flushed to disk and then renamed over the target, and the folder is flushed
 * after the rename so that the rename itself survives.
 *
 * <p>Text is encoded as UTF-8 with replacement: a string from a results file may hold a lone surrogate
 * ({@code "\ud800"} in JSON), which has no UTF-8 form; it is written as {@code ?} rather than failing the page.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, creating its folder; I/O errors name the path. */
    public static void write(Path target, String text) throws IOException {
        writeAll(Map.of(target, text));
    }

    /**
     * Writes several files as a set, in the map's order: every temporary file is written and flushed before the
     * first rename, so a failure while writing (a full disk, say) leaves all the old files in place. The renames
     * are each atomic and follow one another within microseconds; only a crash in that window could mix old and
     * new, and the first file named is renamed last so that it can stand as the set's commit point.
     */
    public static void writeAll(Map<Path, String> files) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        Path current = null;
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                current = file.getKey();
                Path dir = current.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                // Not Files.createTempFile: it makes owner-only files, and a report is meant to be read by others.
                Path temp = dir.resolve("." + current.getFileName() + "." + UUID.randomUUID() + ".tmp");
                temps.put(current, temp);
                writeDurably(temp, encode(file.getValue()));
            }
            List<Map.Entry<Path, Path>> renames = new ArrayList<>(temps.entrySet());
            for (Map.Entry<Path, Path> rename : renames.reversed()) {
                current = rename.getKey();
                move(rename.getValue(), current);
            }
            for (Path dir : temps.keySet().stream().map(p -> p.toAbsolutePath().getParent()).distinct().toList()) {
                current = dir;
                syncFolder(dir);
            }
        } catch (IOException e) {
            for (Path temp : temps.values()) {
                Files.deleteIfExists(temp);
            }
            throw new IOException(current + ": cannot write (" + e + ")", e);
        }
    }

    private static ByteBuffer encode(String text) throws CharacterCodingException {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return encoder.encode(CharBuffer.wrap(text));
    }

    private static void writeDurably(Path temp, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING); // e.g. some network filesystems
        }
    }

    /** Flushes a folder's entries (the renames) to disk; a file system that cannot (some do not) is left as is. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Linux file systems support it; elsewhere the rename is as durable as the platform makes it.
        }
    }
}
