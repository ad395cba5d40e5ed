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
 *   offset 256  int   consumer asleep: 1 while the consumer sleeps (or is about to) on this futex word
 *   offset 384  int   producer asleep: 1 while the producer sleeps (or is about to) on this futex word
 *   offset 512  byte[capacity]  data; byte i of the stream lives at 512 + (i mod capacity)
 * </pre>
 * Each field has its own pair of cache lines, so no two writers share a line (adjacent-line prefetch pairs 64-byte
 * lines), and the sleep flags, read after every publish, stay shared-clean while nobody sleeps. Both counters
 * only grow; head - tail is the bytes in flight, never above capacity.
 *
 * <p>Ordering (JMM: release/acquire on the counters, through a VarHandle on the segment). The producer copies data
 * with plain writes, then publishes head with a release store (volatile, in fact: see waiting below); the consumer
 * reads head with an acquire load, so every data byte below that head is visible to it. Symmetrically the consumer
 * releases tail after copying data out, and the producer acquires tail before overwriting that space, so no byte
 * is overwritten before it was read. Across processes the JMM says nothing formally, but the same VarHandle modes
 * compile to the same ordered instructions on a shared mapping (on x86 the stores and loads stay in program order
 * and volatile stores drain the store buffer; on ARM, stlr/ldar). Each side keeps a private copy of the other's
 * counter and rereads it only when it runs out, so the shared lines move between cores about once per message,
 * not once per byte.
 *
 * <p>Waiting: spin first ({@link Backoff}), then sleep on a futex. A sleeper sets its flag to 1 with a volatile
 * store, re-reads the counter it waits on with a volatile load, and sleeps only if it is unchanged, and only while
 * the flag is still 1; the other side stores its counter (volatile), then loads the flag and, finding it set,
 * clears it and wakes. Each side stores before it loads the other's variable, with sequentially consistent
 * accesses, so at least one sees the other's store (the Dekker pattern): the sleeper either sees the new counter
 * or is woken, and no wake-up is lost. A sleep lasts at most {@link Backoff#SLEEP_NS}, then liveness is checked.
 *
 * <p>An instance is used by exactly one side in one role: {@link #write} and {@link #publish} by the producer,
 * {@link #readFully} by the consumer.
 */
final class ByteRing {

    static final long HEAD_OFFSET = 0;
    static final long TAIL_OFFSET = 128;
    static final long CONSUMER_ASLEEP_OFFSET = 256;
    static final long PRODUCER_ASLEEP_OFFSET = 384;
    static final long DATA_OFFSET = 512;
    /**
     * A large write is published, and a large read frees its space, in pieces of this size: the two copies then
     * overlap, the consumer starting on a message before the producer has finished it.
     */
    static final long PUBLISH_EVERY_BYTES = 64 * 1024;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment segment;
    private final long capacity;
    private final long mask;
    private final Backoff backoff = new Backoff();
    private final MemorySegment consumerAsleep;
    private final MemorySegment producerAsleep;
    private final MemorySegment sleepTimeout = Futex.timeout(Backoff.SLEEP_NS);

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
        this.consumerAsleep = segment.asSlice(CONSUMER_ASLEEP_OFFSET, Integer.BYTES);
        this.producerAsleep = segment.asSlice(PRODUCER_ASLEEP_OFFSET, Integer.BYTES);
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
                if (capacity - (head - tailSeen) != 0) {
                    backoff.reset();
                } else if (!backoff.spin(liveness, done, length)) {
                    INT.setVolatile(segment, PRODUCER_ASLEEP_OFFSET, 1);
                    tailSeen = (long) LONG.getVolatile(segment, TAIL_OFFSET);
                    if (capacity - (head - tailSeen) == 0) {
                        Futex.await(producerAsleep, 1, sleepTimeout);
                    }
                    INT.setOpaque(segment, PRODUCER_ASLEEP_OFFSET, 0);
                    backoff.slept(liveness, done, length);
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
            LONG.setVolatile(segment, HEAD_OFFSET, head); // release, and ordered before the flag load below
            published = head;
            wakeIfAsleep(CONSUMER_ASLEEP_OFFSET, consumerAsleep);
        }
    }

    private void wakeIfAsleep(long flagOffset, MemorySegment flag) {
        if ((int) INT.getVolatile(segment, flagOffset) != 0) {
            INT.setOpaque(segment, flagOffset, 0);
            Futex.wake(flag);
        }
    }

    /** Consumer: copies the next {@code length} bytes out; waits while the ring is empty. */
    void readFully(MemorySegment target, long offset, long length, Liveness liveness) throws IOException {
        long done = 0;
        while (done < length) {
            long available = headSeen - tail;
            if (available == 0) {
                headSeen = (long) LONG.getAcquire(segment, HEAD_OFFSET);
                if (headSeen != tail) {
                    backoff.reset();
                    continue;
                }
                try {
                    if (!backoff.spin(liveness, done, length)) {
                        INT.setVolatile(segment, CONSUMER_ASLEEP_OFFSET, 1);
                        headSeen = (long) LONG.getVolatile(segment, HEAD_OFFSET);
                        if (headSeen == tail) {
                            Futex.await(consumerAsleep, 1, sleepTimeout);
                        }
                        INT.setOpaque(segment, CONSUMER_ASLEEP_OFFSET, 0);
                        backoff.slept(liveness, done, length);
                    }
                } catch (IOException peerGone) {
                    // The peer may have published its last bytes between our look at the head and its end: read
                    // those first; the failure stands once nothing more is there.
                    headSeen = (long) LONG.getVolatile(segment, HEAD_OFFSET);
                    if (headSeen == tail) {
                        throw peerGone;
                    }
                    backoff.reset();
                }
                continue;
            }
            long at = tail & mask;
            // At most one publish unit at a time, so the freed space reaches the producer while this copy goes on.
            long n = Math.min(Math.min(length - done, available), Math.min(capacity - at, PUBLISH_EVERY_BYTES));
            MemorySegment.copy(segment, DATA_OFFSET + at, target, offset + done, n);
            tail += n;
            done += n;
            LONG.setVolatile(segment, TAIL_OFFSET, tail); // frees the space at once: a large frame keeps flowing
            wakeIfAsleep(PRODUCER_ASLEEP_OFFSET, producerAsleep);
        }
    }
}
