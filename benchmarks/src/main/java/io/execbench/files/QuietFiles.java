package io.execbench.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clean-up that must never fail what it cleans up after: a temporary file left behind is harmless, while an
 * exception thrown from a {@code finally} block or a shutdown hook would hide why the work itself ended.
 */
public final class QuietFiles {

    private QuietFiles() {
    }

    /**
     * Deletes {@code file} if it exists; does nothing for {@code null}. Returns whether it is gone, for a caller that
     * reports what stayed.
     */
    public static boolean deleteQuietly(Path file) {
        if (file == null) {
            return true;
        }
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false; // left for the OS's temporary-folder clean-up
        }
    }
}
