package io.execbench.ipc;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Measures: one-way streaming throughput to a peer that consumes each message into its own buffer, per transport:
 * the primary score is messages per second (so messages/s x payloadBytes is bytes/s, as the report computes it),
 * and the secondary metric "bytes" is the same in bytes per second. memcpyBaseline (transport=memcpy) is one
 * in-process copy of the same bytes on one thread: the ceiling, and what the target is a share of
 * (shm streaming at 1 MiB and above >= 40% of it).
 *
 * Pitfalls avoided:
 *  - Bytes still in flight counted as delivered: an invocation is a batch of MESSAGES_PER_BATCH messages closed
 *    by an ACK round trip, so the score counts only bytes the peer has read. The ACK costs one small round trip
 *    per batch: under 1% of a batch of 1 MiB messages at GB/s (a few percent at 64 KiB, were it added).
 *  - Lost or reordered messages: each message carries a sequence number in its first 8 bytes; the peer sums
 *    them and its byte count into the ACK, which is checked after each iteration, outside the timed region.
 *  - Allocation and page faults: buffers and rings are made and touched once per trial.
 *  - Placement: as in IpcRoundTripBenchmark (split by default: sender and peer on different CPUs, so their
 *    copies overlap; memcpyBaseline runs unpinned on one thread).
 *
 * Expect: shm close to memcpy (producer and consumer copy at once on two CPUs, through a 4 MiB ring that stays in
 * the last-level cache), threads the same, uds and tcp at a fraction of it (two copies through the kernel
 * and a wake-up per socket buffer), pipe lowest (64 KiB pipe buffers: a wake-up every 64 KiB).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IpcStreamBenchmark implements AutoParams {

    /** This suite's {@code auto} values, for a trial run by plain JMH (see {@link AutoParams}). */
    static final AutoParams PARAMS = new IpcStreamBenchmark();

    /** Messages per invocation; JMH counts each as an operation. */
    static final int MESSAGES_PER_BATCH = 8;

    /** The {@code @Param("auto")} values for this machine and profile (see {@link IpcSweep}). */
    @Override
    public List<String> values(String param, Profile profile) {
        return switch (param) {
            case "payloadBytes" -> IpcSweep.streamBytes(profile.label());
            case "placement" -> IpcSweep.placement();
            default -> throw IpcSweep.noAutoValues(param);
        };
    }

    /** Bytes delivered, reported by JMH per second as the secondary metric {@code bytes}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** One transport streaming messages of one size. */
    @State(Scope.Thread)
    public static class Stream {
        @Param({"threads", "pipe", "uds", "tcp", "shm"})
        public String transport;

        /** Per profile (IpcSweep): 1 MiB in smoke and quick, 64 KiB, 1 MiB and 16 MiB in full. */
        @Param("auto")
        public String payloadBytes;

        /** split, same or os (IpcPlacement); auto: split where two CPUs can be pinned. */
        @Param("auto")
        public String placement;

        int bytes;
        Transport link;
        ByteBuffer request;
        long batchBytes;
        long sequence;
        long lastAckBytes = -1;
        long lastAckSequenceSum;
        long lastExpectedSequenceSum;

        @Setup(Level.Trial)
        public void open() {
            bytes = IpcSweep.parseBytes(PARAMS.resolve("payloadBytes", payloadBytes));
            if (bytes < Long.BYTES) {
                throw new IllegalArgumentException("streaming needs payloads of at least 8 bytes");
            }
            IpcPlacement where = IpcPlacement.parse(PARAMS.resolve("placement", placement));
            link = Transports.open(transport, bytes, Transports.DEFAULT_TIMEOUT_MS, where.peerCpu());
            IpcPlacement.pinCurrentThread(where.callerCpu());
            request = link.request();
            byte[] content = new byte[bytes];
            new SplittableRandom(bytes).nextBytes(content);
            request.put(0, content);
            batchBytes = (long) MESSAGES_PER_BATCH * bytes;
        }

        @TearDown(Level.Iteration)
        public void verify() {
            if (lastAckBytes != batchBytes || lastAckSequenceSum != lastExpectedSequenceSum) {
                throw new IllegalStateException(transport + " stream of " + bytes + "-byte messages: the peer"
                        + " acknowledged " + lastAckBytes + " bytes with sequence sum " + lastAckSequenceSum
                        + ", expected " + batchBytes + " and " + lastExpectedSequenceSum);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            link.close();
        }
    }

    /** Two off-heap buffers of one payload size, for the in-process copy. */
    @State(Scope.Thread)
    public static class Copy {
        /** Not a transport: the label under which the report draws this ceiling beside the transports. */
        @Param("memcpy")
        public String transport;

        @Param("auto")
        public String payloadBytes;

        int bytes;
        Arena arena;
        MemorySegment source;
        MemorySegment target;

        @Setup(Level.Trial)
        public void allocate() {
            bytes = IpcSweep.parseBytes(PARAMS.resolve("payloadBytes", payloadBytes));
            arena = Arena.ofConfined();
            source = arena.allocate(bytes, 4096);
            target = arena.allocate(bytes, 4096); // allocate() zeroes: every page is touched here
            byte[] content = new byte[bytes];
            new SplittableRandom(bytes).nextBytes(content);
            MemorySegment.copy(content, 0, source, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes);
        }

        @TearDown(Level.Iteration)
        public void verify() {
            if (source.mismatch(target) != -1) {
                throw new IllegalStateException("memcpy of " + bytes + " bytes: target differs from source");
            }
        }

        @TearDown(Level.Trial)
        public void free() {
            arena.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_BATCH)
    public long stream(Stream stream, Delivered delivered) {
        long first = stream.sequence + 1;
        for (int i = 0; i < MESSAGES_PER_BATCH; i++) {
            stream.request.putLong(0, ++stream.sequence);
            stream.link.send(Frame.SINK, stream.bytes);
        }
        stream.link.call(Frame.ACK, 0); // the batch counts once the peer has read all of it
        ByteBuffer ack = stream.link.reply();
        stream.lastAckBytes = ack.getLong(0);
        stream.lastAckSequenceSum = ack.getLong(8);
        stream.lastExpectedSequenceSum = (first + stream.sequence) * MESSAGES_PER_BATCH / 2;
        delivered.bytes += stream.batchBytes;
        return stream.lastAckBytes;
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_BATCH)
    public long memcpyBaseline(Copy copy, Delivered delivered) {
        // The same bytes per invocation as stream(), copied once on this thread: the per-byte ceiling.
        for (int i = 0; i < MESSAGES_PER_BATCH; i++) {
            MemorySegment.copy(copy.source, 0, copy.target, 0, copy.bytes);
        }
        delivered.bytes += (long) MESSAGES_PER_BATCH * copy.bytes;
        return copy.target.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0);
    }
}
