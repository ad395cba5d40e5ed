package io.execbench.server;

/**
 * A request the server refuses, with the status to answer before closing the connection (400, 411, 413, 431). Any
 * client can cause one at will, so it carries no stack trace: building one costs no more than the answer.
 */
final class BadRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    BadRequest(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
