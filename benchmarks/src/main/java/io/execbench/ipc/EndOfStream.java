package io.execbench.ipc;

import java.io.EOFException;

/** The other end went away before {@code wantedBytes} arrived; {@code doneBytes} did. */
final class EndOfStream extends EOFException {

    final long doneBytes;
    final long wantedBytes;

    EndOfStream(long doneBytes, long wantedBytes) {
        super("end of stream after " + doneBytes + " of " + wantedBytes + " bytes");
        this.doneBytes = doneBytes;
        this.wantedBytes = wantedBytes;
    }
}
