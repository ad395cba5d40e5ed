package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Transport} must do, one subclass per transport: echo payloads byte for byte, stream and
 * acknowledge, carry JSON, and fail fast and clean (a clear message naming the transport, no hang, no leaked
 * process, file or descriptor) when the peer dies mid-message, stalls in a truncated frame, or sends or receives an
 * oversized length prefix.
 */
@Timeout(60)
abstract class TransportContractTest {

    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    static final long FAULT_TIMEOUT_MS = 1_000;

    abstract String transport();

    private Transport transport;
    private static final java.util.Set<String> warmedUp = new java.util.HashSet<>();
    private long descriptorsBefore;
    private java.util.Set<String> descriptorsBeforeList;

    @BeforeEach
    void open() {
        if (warmedUp.add(transport())) {
            // The JDK opens some descriptors once per JVM, lazily (random sources for temporary names, a socket
            // for its IPv6 probe): one round first, so the leak check counts only what a transport leaks.
            try (Transport first = Transports.open(transport(), 64, FAULT_TIMEOUT_MS)) {
                first.call(Frame.ECHO, 0);
            }
        }
        descriptorsBefore = openDescriptors();
        descriptorsBeforeList = listDescriptors();
        transport = Transports.open(transport(), MAX_PAYLOAD_BYTES, FAULT_TIMEOUT_MS);
    }

    @AfterEach
    void closeAndCheckNothingLeaked() throws Exception {
        long pid = transport.peerPid();
        Path dir = transport.privateDir();
        transport.close();
        if (pid >= 0) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("peer %d after close", pid)
                    .isNotEqualTo(java.util.Optional.of(true));
        }
        if (dir != null) {
            assertThat(dir).as("private folder after close").doesNotExist();
        }
        // Descriptors close synchronously in close(); the loop only absorbs the JDK's own lazy ones.
        long after = openDescriptors();
        for (int i = 0; i < 20 && after > descriptorsBefore; i++) {
            Thread.sleep(50);
            after = openDescriptors();
        }
        java.util.Set<String> now = listDescriptors();
        now.removeAll(descriptorsBeforeList);
        assertThat(after).as("open file descriptors after close; new: " + now).isLessThanOrEqualTo(descriptorsBefore);
    }

    @Test
    void echoesEmptyTinySmallAndOneMebibytePayloadsByteForByte() {
        SplittableRandom random = new SplittableRandom(42);
        for (int size : new int[] {0, 1, 64, MAX_PAYLOAD_BYTES}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            transport.request().put(0, payload);
            int replyBytes = transport.call(Frame.ECHO, size);
            assertThat(replyBytes).as("reply length for %d bytes", size).isEqualTo(size);
            byte[] echoed = new byte[size];
            transport.reply().get(0, echoed);
            assertThat(echoed).as("echo of %d bytes", size).isEqualTo(payload);
        }
    }

    @Test
    void peerChecksumMatchesOurs() {
        byte[] payload = new byte[100_003];
        new SplittableRandom(7).nextBytes(payload);
        transport.request().put(0, payload);
        assertThat(transport.call(Frame.CHECKSUM, payload.length)).isEqualTo(8);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        assertThat(transport.reply().getLong(0)).isEqualTo(crc.getValue());
    }

    @Test
    void manyEchoesOfRandomSizesArriveWholeAndInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        ByteBuffer request = transport.request();
        for (int i = 0; i < 2_000; i++) {
            int size = 8 + random.nextInt(i % 100 == 0 ? 300_000 : 2_000);
            request.putLong(0, i);
            for (int b = 8; b < size; b++) {
                request.put(b, (byte) (i * 31 + b));
            }
            assertThat(transport.call(Frame.ECHO, size)).isEqualTo(size);
            ByteBuffer reply = transport.reply();
            assertThat(reply.getLong(0)).as("sequence").isEqualTo(i);
            assertThat(reply.slice(0, size)).as("message %d of %d bytes", i, size).isEqualTo(request.slice(0, size));
        }
    }

    @Test
    void tellsHowLongItsJvmsHaveSpentCompiling() {
        long first = Transports.compileMillis(transport);
        transport.request().put(0, new byte[64]);
        for (int i = 0; i < 2_000; i++) {
            transport.call(Frame.ECHO, 64);
        }
        assertThat(first).isGreaterThanOrEqualTo(0); // HotSpot monitors compilation time
        assertThat(Transports.compileMillis(transport)).isGreaterThanOrEqualTo(first);
    }

    @Test
    void streamedMessagesAreCountedAndAcknowledged() {
        long expectedSum = 0;
        for (int i = 1; i <= 300; i++) {
            transport.request().putLong(0, i);
            transport.send(Frame.SINK, 40_000);
            expectedSum += i;
        }
        assertThat(transport.call(Frame.ACK, 0)).isEqualTo(16);
        assertThat(transport.reply().getLong(0)).isEqualTo(300L * 40_000);
        assertThat(transport.reply().getLong(8)).isEqualTo(expectedSum);
    }

    @Test
    void carriesJsonBothWays() throws IOException {
        // Its own transport with a long timeout: the peer's first JSON call loads Jackson, which on a busy machine
        // can take longer than the one second the fault tests allow.
        try (Transport patient = Transports.open(transport(), MAX_PAYLOAD_BYTES)) {
            OrderGraph.Order order = OrderGraph.ofAbout(16_384, 5);
            int bytes = OrderGraph.write(order, patient.request(), 0);
            int replyBytes = patient.call(Frame.JSON_ECHO, bytes);
            assertThat(OrderGraph.read(patient.reply(), 0, replyBytes)).isEqualTo(order);
        }
    }

    @Test
    void peerThatDiesMidMessageIsAClearErrorNotAHang() {
        assertThatThrownBy(() -> transport.call(Frame.FAULT_DIE_MID_REPLY, 200_000))
                .isInstanceOf(IpcException.class)
                .hasMessageStartingWith(transport() + ": reading the reply payload: ")
                .hasMessageContaining("100000 of 200000 bytes")
                .hasMessageContaining(transport().equals("threads") ? "told to die" : "exited with code 7");
        assertThatThrownBy(() -> transport.call(Frame.ECHO, 0)).isInstanceOf(IpcException.class)
                .hasMessageContaining("broken by an earlier failure");
    }

    @Test
    void truncatedFrameTimesOutAndKillsThePeer() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> transport.call(Frame.FAULT_STALL_MID_REPLY, 200_000))
                .isInstanceOf(IpcException.class)
                .hasMessageStartingWith(transport() + ": reading the reply payload: ")
                .hasMessageContaining("no progress")
                .hasMessageContaining("100000 of 200000 bytes");
        // Never before the timeout; how long after it depends on the machine's load, so it is not asserted.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(
                Duration.ofMillis(FAULT_TIMEOUT_MS));
    }

    @Test
    void aPeerSlowerToStartThanTheCallTimeoutIsNoFailure() {
        // 1 ms is less than any JVM start and any first class loading: set-up waits under the start-up timeout.
        try (Transport impatient = Transports.open(transport(), 64, 1)) {
            assertThat(impatient.name()).isEqualTo(transport());
        }
    }

    @Test
    void oversizedLengthPrefixInAReplyIsRejected() {
        assertThatThrownBy(() -> transport.call(Frame.FAULT_OVERSIZED_REPLY, 64))
                .isInstanceOf(IpcException.class)
                .hasMessageStartingWith(transport() + ": reading the reply header: ")
                .hasMessageContaining("announces 2147483647 payload bytes, more than the maximum " + MAX_PAYLOAD_BYTES);
    }

    @Test
    void oversizedLengthPrefixInARequestEndsThePeerWithItsReason() {
        ((FramedTransport) transport).sendHeaderOnly(Frame.ECHO, MAX_PAYLOAD_BYTES + 1);
        assertThatThrownBy(() -> transport.call(Frame.ECHO, 0))
                .isInstanceOf(IpcException.class)
                .hasMessageStartingWith(transport() + ": ")
                .hasMessageContaining("announces " + (MAX_PAYLOAD_BYTES + 1)
                        + " payload bytes, more than the maximum " + MAX_PAYLOAD_BYTES);
    }

    @Test
    void requestAboveTheMaximumIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> transport.call(Frame.ECHO, MAX_PAYLOAD_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(transport());
        assertThat(transport.call(Frame.ECHO, 3)).isEqualTo(3); // still usable
    }

    static java.util.Set<String> listDescriptors() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    all.add(fd.getFileName() + "->" + Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    all.add(fd.getFileName() + "->?");
                }
            });
        } catch (IOException e) {
            // not Linux
        }
        return all;
    }

    static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return 0; // not Linux: the check is skipped (0 <= anything)
        }
    }
}
