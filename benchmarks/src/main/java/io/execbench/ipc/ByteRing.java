package io.execbench.ipc;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A single-producer, single-consumer byte ring in a memory segment that both sides map (two threads, or two
 * processes sharing a file). Frames are written into it as a byte stream, so a message may be larger than the
 * ring: it then flows through in pieces, the producer filling while the consumer drains.
 *
 * <pre>
 *   offset   0  long  head: bytes ever written (only the producer writes it)
 *   offset 128  long  tail: bytes ever read (only the consumer writes it)
 *   offset 256  byte[capacity]  data; byte i of the stream lives at 256 + (i mod capacity)
 * </pre>
 * head and tail sit two cache lines apart so the two writers never share a line (adjacent-line prefetch pairs
 * 64-byte lines). Both counters only grow; head - tail is the bytes in flight, never above capacity.
 *
 * <p>Ordering (JMM: release/acquire on the counters, through a VarHandle on the segment). The producer copies data
 * with plain writes, then publishes head with a release store; the consumer reads head with an acquire load, so
 * every data byte below that head is visible to it. Symmetrically the consumer releases tail after copying data
 * out, and the producer acquires tail before overwriting that space, so no byte is overwritten before it was
 * read. Across processes the JMM says nothing formally, but the same VarHandle modes compile to the same
 * ordered instructions on a shared mapping (on x86, plain stores and loads that the compiler may not reorder;
 * on ARM, stlr/ldar). Each side keeps a private copy of the other's counter and rereads it only when it runs
 * out, so the shared lines move between cores about once per message, not once per byte.
 *
 * <p>An instance is used by exactly one side in one role: {@link #write} and {@link #publish} by the producer,
 * {@link #readFully} by the consumer.
 */
final class ByteRing {

    static final long HEAD_OFFSET = 0;
    static final long TAIL_OFFSET = 128;
    static final long DATA_OFFSET = 256;
    /** A large write is published in pieces of this size, so the consumer starts copying before it ends. */
    static final long PUBLISH_EVERY_BYTES = 64 * 1024;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment segment;
    private final long capacity;
    private final long mask;
    private final Backoff backoff = new Backoff();

    // Producer's view.
    private long head;
    private long published;
    private long tailSeen;
    // Consumer's view.
    private long tail;
    private long headSeen;

    /** The bytes a ring of {@code capacity} bytes needs. */
    static long segmentBytes(long capacity) {
        return DATA_OFFSET + capacity;
    }

    /** A view of a ring laid out at the start of {@code segment}; both counters must start at 0 (a fresh file). */
    ByteRing(MemorySegment segment, long capacity) {
        if (Long.bitCount(capacity) != 1 || segment.byteSize() < segmentBytes(capacity)) {
            throw new IllegalArgumentException("ring capacity " + capacity + " must be a power of two within "
                    + segment.byteSize() + " bytes");
        }
        this.segment = segment;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.head = this.published = (long) LONG.getAcquire(segment, HEAD_OFFSET);
        this.tail = this.tailSeen = this.headSeen = (long) LONG.getAcquire(segment, TAIL_OFFSET);
    }

    long capacity() {
        return capacity;
    }

    /** Producer: appends {@code length} bytes; waits while the ring is full. Call {@link #publish} when done. */
    void write(MemorySegment source, long offset, long length, Liveness liveness) throws IOException {
        long done = 0;
        while (done < length) {
            long free = capacity - (head - tailSeen);
            if (free == 0) {
                publish(); // the consumer may be waiting for exactly these bytes
                tailSeen = (long) LONG.getAcquire(segment, TAIL_OFFSET);
                if (capacity - (head - tailSeen) == 0) {
                    backoff.idle(liveness, done, length);
                } else {
                    backoff.reset();
                }
                continue;
            }
            long at = head & mask;
            long n = Math.min(Math.min(length - done, free), Math.min(capacity - at, PUBLISH_EVERY_BYTES));
            MemorySegment.copy(source, offset + done, segment, DATA_OFFSET + at, n);
            head += n;
            done += n;
            if (head - published >= PUBLISH_EVERY_BYTES) {
                publish();
            }
        }
    }

    /** Producer: makes every byte written so far visible to the consumer. */
    void publish() {
        if (published != head) {
            LONG.setRelease(segment, HEAD_OFFSET, head);
            published = head;
        }
    }

    /** Consumer: copies the next {@code length} bytes out; waits while the ring is empty. */
    void readFully(MemorySegment target, long offset, long length, Liveness liveness) throws IOException {
        long done = 0;
        while (done < length) {
            long available = headSeen - tail;
            if (available == 0) {
                headSeen = (long) LONG.getAcquire(segment, HEAD_OFFSET);
                if (headSeen == tail) {
                    backoff.idle(liveness, done, length);
                } else {
                    backoff.reset();
                }
                continue;
            }
            long at = tail & mask;
            long n = Math.min(Math.min(length - done, available), capacity - at);
            MemorySegment.copy(segment, DATA_OFFSET + at, target, offset + done, n);
            tail += n;
            done += n;
            LONG.setRelease(segment, TAIL_OFFSET, tail); // frees the space at once: a large frame keeps flowing
        }
    }
}
