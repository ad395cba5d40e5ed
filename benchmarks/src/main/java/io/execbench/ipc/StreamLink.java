package io.execbench.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A link over Java's process pipes (a child's stdin and stdout). Java gives these only as streams of byte[],
 * so buffers are heap arrays; the JDK copies through a native buffer on each call above 8 KiB, a cost any Java
 * program talking to a child over its standard streams pays.
 */
final class StreamLink implements Link {

    private final InputStream in;
    private final OutputStream out;

    StreamLink(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public ByteBuffer allocate(int capacityBytes) {
        return ByteBuffer.allocate(capacityBytes);
    }

    @Override
    public void write(ByteBuffer buffer, int offset, int length) throws IOException {
        out.write(buffer.array(), buffer.arrayOffset() + offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void readFully(ByteBuffer buffer, int offset, int length) throws IOException {
        byte[] array = buffer.array();
        int base = buffer.arrayOffset() + offset;
        int done = 0;
        while (done < length) {
            int n = in.read(array, base + done, length - done);
            if (n < 0) {
                throw new EndOfStream(done, length);
            }
            done += n;
        }
    }

    @Override
    public boolean blocksInKernel() {
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            in.close();
        }
    }
}
