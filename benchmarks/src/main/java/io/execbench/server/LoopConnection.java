package io.execbench.server;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One connection's state on an {@link EventLoop}, touched only by the loop thread: bytes read but not yet parsed, the
 * parser, answers not yet written, and why the loop is not reading it now.
 *
 * <p>Back-pressure: the loop stops parsing (and so reading) a connection while its unwritten answers exceed
 * {@value #MAX_PENDING_OUT_BYTES} bytes or while its heavy request is away on the pool. A client that sends without
 * reading thus fills its own socket buffers and then waits; it never makes the loop buffer without bound.
 */
final class LoopConnection {

    static final int IN_BYTES = 16 * 1024;
    static final int MAX_PENDING_OUT_BYTES = 64 * 1024;

    final SocketChannel channel;
    final SelectionKey key;
    final RequestParser parser;
    /** Read but not parsed; in write mode between rounds. */
    final ByteBuffer in = ByteBuffer.allocate(IN_BYTES);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    long pendingOutBytes;
    /** A heavy request of this connection is on the pool; later ones wait, so answers stay in order. */
    boolean awaitingOffload;
    /** The client sent its end of stream (it may still read our answers). */
    boolean inputEnded;
    /** The last answer is queued: write it, then close. */
    boolean closeAfterWrite;
    /** Our FIN is sent; reading and discarding until the client's, so that unread input does not reset the answer. */
    boolean lingering;
    long lastProgressNs;

    LoopConnection(SocketChannel channel, SelectionKey key, int maxHeaderBytes, long nowNs) {
        this.channel = channel;
        this.key = key;
        this.parser = new RequestParser(maxHeaderBytes);
        this.lastProgressNs = nowNs;
    }

    void queue(Response response) {
        out.add(ByteBuffer.wrap(response.bytes()));
        pendingOutBytes += response.bytes().length;
        closeAfterWrite |= response.close();
    }

    /** Whether the loop may parse the next request now. */
    boolean mayParse() {
        return !awaitingOffload && !closeAfterWrite && pendingOutBytes < MAX_PENDING_OUT_BYTES;
    }
}
