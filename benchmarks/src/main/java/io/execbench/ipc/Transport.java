package io.execbench.ipc;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A conversation with an echo peer over one IPC mechanism. The transport owns its two payload buffers, made once
 * for the largest payload, so a call allocates nothing: the caller writes the request payload into
 * {@link #request()} at index 0 and up, calls, and reads the reply from {@link #reply()}.
 *
 * <p>Not thread-safe: one caller at a time. Every failure is an {@link IpcException} naming the transport and the
 * cause; after one, the transport is broken (its peer already killed) and only {@link #close()} remains useful.
 * No call waits longer than the transport's timeout without progress.
 */
public interface Transport extends AutoCloseable {

    /** {@code threads}, {@code pipe}, {@code uds}, {@code tcp} or {@code shm}. */
    String name();

    int maxPayloadBytes();

    /** The request payload area, capacity {@link #maxPayloadBytes()}; use absolute puts from index 0. */
    ByteBuffer request();

    /** The last reply's payload, from index 0; valid until the next call. */
    ByteBuffer reply();

    /**
     * Sends a frame with {@code op} and the first {@code requestBytes} of {@link #request()}, and waits for the
     * reply frame.
     *
     * @return the reply's payload length
     */
    int call(int op, int requestBytes);

    /** Sends a frame that has no reply (e.g. {@link Frame#SINK}); may return before the peer has read it. */
    void send(int op, int requestBytes);

    /** The peer's process id, or -1 when the peer is a thread of this JVM. */
    long peerPid();

    /** The private folder holding this transport's files, or null when it needs none; gone after close. */
    Path privateDir();

    /** Says goodbye, ends the peer (forcibly if it does not end by itself), deletes the private folder. */
    @Override
    void close();
}
