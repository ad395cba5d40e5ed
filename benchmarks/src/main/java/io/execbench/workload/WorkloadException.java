package io.execbench.workload;

/**
 * A user's workload cannot be run: its message is one sentence that names the class and says what to fix, shown as
 * it is, never with a stack trace.
 */
public final class WorkloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkloadException(String message) {
        super(message, null, false, false);
    }
}
