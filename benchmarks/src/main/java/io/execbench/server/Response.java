package io.execbench.server;

/**
 * One answer, ready to write: status line, headers and body as bytes, and whether the connection closes after it.
 *
 * @param bytes the whole message; never changed after construction (shared answers are reused)
 * @param close whether to close the connection once these bytes are written
 */
record Response(byte[] bytes, boolean close) {
}
