package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ring under real concurrency: a producer and a consumer thread, a ring small enough that messages wrap and
 * outgrow it, and every message carrying its sequence number, length and CRC32C. A missing release or acquire, an
 * off-by-one in the wrap, or space reused before it was read shows up as a torn (bad checksum), lost or reordered
 * (bad sequence) message.
 */
@Timeout(120)
class ByteRingTest {

    private static final int HEADER = 8 + 4 + 8; // sequence, body length, CRC32C of the body
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    @Test
    void manyMessagesOfRandomSizesArriveWholeAndInOrderThroughASmallRing() throws Exception {
        long capacity = 4096;
        int messages = 200_000;
        int maxBody = 3 * 4096; // larger than the ring: such a message is in flight in pieces
        try (Arena arena = Arena.ofShared()) {
            MemorySegment shared = arena.allocate(ByteRing.segmentBytes(capacity), 128);
            ByteRing producerSide = new ByteRing(shared, capacity);
            ByteRing consumerSide = new ByteRing(shared, capacity);
            AtomicReference<Throwable> producerFailure = new AtomicReference<>();
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    produce(producerSide, messages, maxBody);
                } catch (Throwable e) {
                    producerFailure.set(e);
                }
            });
            MemorySegment message = arena.allocate(HEADER + maxBody);
            CRC32C crc = new CRC32C();
            for (long expected = 0; expected < messages; expected++) {
                consumerSide.readFully(message, 0, HEADER, Liveness.FOREVER);
                int length = message.get(INT, 8);
                assertThat(message.get(LONG, 0)).as("sequence").isEqualTo(expected);
                assertThat(length).as("length of message %d", expected).isBetween(0, maxBody);
                consumerSide.readFully(message, HEADER, length, Liveness.FOREVER);
                crc.reset();
                crc.update(message.asSlice(HEADER, length).asByteBuffer());
                assertThat(crc.getValue()).as("checksum of message %d (%d bytes)", expected, length)
                        .isEqualTo(message.get(LONG, 12));
            }
            producer.join();
            assertThat(producerFailure.get()).isNull();
        }
    }

    private static void produce(ByteRing ring, int messages, int maxBody) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(HEADER + maxBody);
            CRC32C crc = new CRC32C();
            for (long seq = 0; seq < messages; seq++) {
                // Mostly small messages (many wraps at odd offsets), now and then one larger than the ring.
                int length = random.nextInt(50) == 0 ? random.nextInt(maxBody + 1) : random.nextInt(200);
                for (int i = 0; i < length; i++) {
                    message.set(ValueLayout.JAVA_BYTE, HEADER + i, (byte) random.nextInt());
                }
                crc.reset();
                crc.update(message.asSlice(HEADER, length).asByteBuffer());
                message.set(LONG, 0, seq);
                message.set(INT, 8, length);
                message.set(LONG, 12, crc.getValue());
                ring.write(message, 0, HEADER + length, Liveness.FOREVER);
                if (random.nextBoolean()) {
                    ring.publish(); // sometimes per message, sometimes batched with the next ones
                }
            }
            ring.publish();
        }
    }

    @Test
    void aWaitingReaderGivesUpWhenItsLivenessSaysSo() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment shared = arena.allocate(ByteRing.segmentBytes(1024), 128);
            ByteRing consumer = new ByteRing(shared, 1024);
            Liveness twoMillis = (waitedNs, done, wanted) -> {
                if (waitedNs > 2_000_000) {
                    throw new InterruptedIOException("gave up after " + done + " of " + wanted + " bytes");
                }
            };
            assertThatThrownBy(() -> consumer.readFully(arena.allocate(16), 0, 16, twoMillis))
                    .isInstanceOf(InterruptedIOException.class).hasMessage("gave up after 0 of 16 bytes");
        }
    }

    @Test
    void refusesACapacityThatIsNotAPowerOfTwo() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> new ByteRing(arena.allocate(4096), 1000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        }
    }
}
