package io.execbench.ipc;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * A link over two {@link ByteRing}s in one shared segment: one ring per direction, plus a control area.
 *
 * <pre>
 *   offset 0    int   ready: the peer writes {@link #READY} (release) once it has mapped and touched the segment
 *   offset 256  ring  client to peer
 *   then        ring  peer to client
 * </pre>
 */
final class RingLink implements Link {

    static final long CONTROL_BYTES = 256;
    static final int READY = 0x52454459; // "REDY"
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final ByteRing out;
    private final ByteRing in;
    private final Liveness liveness;
    // The link is handed the same two frame buffers on every call; their segment views are made once.
    private ByteBuffer lastBuffer;
    private MemorySegment lastSegment;
    private ByteBuffer otherBuffer;
    private MemorySegment otherSegment;

    /** Total bytes of a segment holding two rings of {@code ringCapacity} bytes each. */
    static long segmentBytes(long ringCapacity) {
        return CONTROL_BYTES + 2 * ByteRing.segmentBytes(ringCapacity);
    }

    RingLink(MemorySegment shared, long ringCapacity, boolean clientSide, Liveness liveness) {
        long ringBytes = ByteRing.segmentBytes(ringCapacity);
        ByteRing toPeer = new ByteRing(shared.asSlice(CONTROL_BYTES, ringBytes), ringCapacity);
        ByteRing toClient = new ByteRing(shared.asSlice(CONTROL_BYTES + ringBytes, ringBytes), ringCapacity);
        this.out = clientSide ? toPeer : toClient;
        this.in = clientSide ? toClient : toPeer;
        this.liveness = liveness;
    }

    static void markReady(MemorySegment shared) {
        INT.setRelease(shared, 0L, READY);
    }

    static boolean isReady(MemorySegment shared) {
        return (int) INT.getAcquire(shared, 0L) == READY;
    }

    @Override
    public ByteBuffer allocate(int capacityBytes) {
        return ByteBuffer.allocateDirect(capacityBytes);
    }

    @Override
    public void write(ByteBuffer buffer, int offset, int length) throws IOException {
        out.write(segmentOf(buffer), offset, length, liveness);
    }

    @Override
    public void flush() {
        out.publish();
    }

    @Override
    public void readFully(ByteBuffer buffer, int offset, int length) throws IOException {
        in.readFully(segmentOf(buffer), offset, length, liveness);
    }

    @Override
    public boolean blocksInKernel() {
        return false;
    }

    @Override
    public void close() {
        // The segment belongs to whoever mapped it; a ring has nothing of its own to close.
    }

    private MemorySegment segmentOf(ByteBuffer buffer) {
        if (buffer == lastBuffer) {
            return lastSegment;
        }
        if (buffer != otherBuffer) {
            otherBuffer = buffer;
            otherSegment = MemorySegment.ofBuffer(buffer.duplicate().clear()); // the whole buffer, from index 0
        }
        ByteBuffer b = otherBuffer;
        MemorySegment s = otherSegment;
        otherBuffer = lastBuffer;
        otherSegment = lastSegment;
        lastBuffer = b;
        lastSegment = s;
        return s;
    }
}
