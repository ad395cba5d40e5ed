package io.execbench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A link over a blocking {@link SocketChannel} (Unix domain or TCP). Buffers are direct: a heap buffer would be
 * copied through a temporary direct buffer on every call.
 */
final class ChannelLink implements Link {

    private final SocketChannel channel;

    ChannelLink(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public ByteBuffer allocate(int capacityBytes) {
        return ByteBuffer.allocateDirect(capacityBytes);
    }

    @Override
    public void write(ByteBuffer buffer, int offset, int length) throws IOException {
        buffer.limit(offset + length).position(offset);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void flush() {
        // Nothing is held back: each write is one system call (TCP_NODELAY on TCP).
    }

    @Override
    public void readFully(ByteBuffer buffer, int offset, int length) throws IOException {
        buffer.limit(offset + length).position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EndOfStream(buffer.position() - offset, length);
            }
        }
    }

    @Override
    public boolean blocksInKernel() {
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
