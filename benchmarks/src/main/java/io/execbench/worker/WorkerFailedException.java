package io.execbench.worker;

/**
 * A worker exited, hung past its start-up or reply timeout, or answered garbage. The message names the worker (slot
 * and pid), the cause, its exit code and the tail of its stderr, so the failure is understood from the run's report
 * alone.
 */
public final class WorkerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WorkerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
