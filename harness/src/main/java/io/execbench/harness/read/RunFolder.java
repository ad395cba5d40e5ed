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

    /** Longest run id read: the runner's are 35 characters. */
    private static final int MAX_ID_CHARS = 200;

    /**
     * Why this folder's name cannot be a run id, or null when it can. The id names the run's report folder and
     * appears in links, file names and logs, so it must be one plain path segment: not empty, not hidden, no
     * {@code /} or {@code \}, no control or format characters, no lone surrogates, at most 200 characters.
     * Anything else (spaces, markup) is allowed, and escaped wherever it is shown.
     */
    public String unusableName() {
        boolean plain = !id.isEmpty() && id.length() <= MAX_ID_CHARS && !id.startsWith(".")
                && id.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT || Character.isSurrogate((char) c));
        return plain ? null : "the folder name cannot be a run id (a run id is one plain name: not hidden, no"
                + " slashes or backslashes, no control characters, at most " + MAX_ID_CHARS + " characters)";
    }

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
