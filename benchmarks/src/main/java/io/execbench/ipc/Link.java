package io.execbench.ipc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One end of a two-way byte stream (a pipe pair, a socket, or two shared-memory rings). Offsets are absolute
 * indices into buffers made by {@link #allocate}: the link may move their position and limit.
 *
 * <p>A read that cannot complete throws {@link java.io.EOFException} (the other end is gone) or
 * {@link java.io.InterruptedIOException} (a deadline passed), both saying how many of the wanted bytes arrived.
 */
interface Link extends Closeable {

    /** A buffer this link moves without an extra copy: heap for Java's pipe streams, direct for channels. */
    ByteBuffer allocate(int capacityBytes);

    /** Writes {@code length} bytes from {@code buffer} at {@code offset}; may hold them until {@link #flush}. */
    void write(ByteBuffer buffer, int offset, int length) throws IOException;

    void flush() throws IOException;

    /** Reads exactly {@code length} bytes into {@code buffer} at {@code offset}. */
    void readFully(ByteBuffer buffer, int offset, int length) throws IOException;

    /** True when a read blocks in the kernel with no deadline of its own, so the caller needs a watchdog. */
    boolean blocksInKernel();
}
