package io.execbench.harness.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run folder, or one of its files, could not be read: it is missing, unreadable, or does not follow the results
 * contract. The message always starts with the offending path, then says what is wrong, e.g.
 * {@code results/2026-11-26T02-00-00Z_ab12cd3_5e1f0a/jmh.json: benchmark 3 has no primaryMetric}, so that a person
 * can fix the input without a stack trace.
 */
public final class RunReadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String problem;

    public RunReadException(Path path, String problem) {
        this(path, problem, null);
    }

    public RunReadException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** The file or folder that is at fault. */
    public Path path() {
        return path;
    }

    /** What is wrong with it, without the path. */
    public String problem() {
        return problem;
    }
}
