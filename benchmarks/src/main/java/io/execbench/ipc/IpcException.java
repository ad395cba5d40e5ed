package io.execbench.ipc;

/**
 * A transport failed: the peer died, a frame was malformed, or no reply came in time. The message always starts
 * with the transport's name and says what was being done, e.g.
 * {@code "uds: reading the reply payload: end of stream after 512 of 1024 bytes; peer process 4242 exited with
 * code 3"}. After one, the transport is broken: every later call fails with the first cause.
 */
public final class IpcException extends RuntimeException {

    public IpcException(String message) {
        super(message);
    }

    public IpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
