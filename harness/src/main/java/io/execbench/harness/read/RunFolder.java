package io.execbench.harness.read;

import java.nio.file.Path;

/**
 * A run folder in a results directory: {@code <run-id>/} for a finished run, {@code <run-id>.partial/} for one that
 * did not finish. The id comes from the folder name rather than from run.json, so that it is always a safe single
 * path segment to name the run's report folder with.
 *
 * @param id      folder name without {@code .partial}
 * @param dir     the folder
 * @param partial whether the folder name ends in {@code .partial}
 */
public record RunFolder(String id, Path dir, boolean partial) {

    /** The suffix the runner gives a folder until the run has finished. */
    public static final String PARTIAL_SUFFIX = ".partial";

    /** Names a folder by its path; {@code dir} is made absolute so that {@code .} has a name too. */
    public static RunFolder of(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        String folderName = name == null ? absolute.toString() : name.toString();
        boolean partial = folderName.endsWith(PARTIAL_SUFFIX) && folderName.length() > PARTIAL_SUFFIX.length();
        String id = partial ? folderName.substring(0, folderName.length() - PARTIAL_SUFFIX.length()) : folderName;
        return new RunFolder(id, absolute, partial);
    }
}
