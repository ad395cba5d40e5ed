package io.execbench.ipc;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.warmup.SteadyWarmup;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/*
 * Measures: the round trip of payloadBytes to an echo peer and back, per transport: a thread of this JVM
 * (threads), a child JVM over its stdin/stdout (pipe), a Unix domain socket (uds), loopback TCP with TCP_NODELAY
 * (tcp), and two rings in a file under /dev/shm mapped by both JVMs (shm). SampleTime, so the report can draw the
 * latency distribution, not only the mean. The report's "IPC transports" section (README) fits each transport's
 * scores as fixed cost + per-byte cost and names the payload size above which the bytes dominate.
 *
 * Baseline: threads at payloadBytes=0 is the floor, the cost of a hand-off and nothing else; every other score is
 * that floor plus the kernel (pipe, uds, tcp), the process boundary (shm), or the bytes. The per-byte ceiling is
 * IpcStreamBenchmark.memcpyBaseline: one copy at memory speed. Every transport copies the payload four times per
 * round trip (into the channel, out to the peer's buffer, back in, out to ours), shared memory included.
 *
 * Pitfalls avoided:
 *  - Set-up in the score: the peer JVM is started, connected and warmed once per trial (until the round trip's
 *    cost stops moving, io.execbench.warmup.SteadyWarmup, then JMH's own warm-up iteration); its buffers and ours are
 *    allocated once for the largest payload, so the timed call allocates nothing and touches no new page.
 *  - A stale echo: each call stamps a new sequence number into the payload's first 8 bytes; after each iteration,
 *    outside the timed region, the last reply is compared byte for byte with the request, and the peer checksums
 *    the payload (CRC32C) for comparison with ours.
 *  - Coordinated omission: none to avoid, the loop is closed (one call at a time, each timed from its start).
 *  - Placement chosen, not left to chance: by default (placement=split) this thread is pinned to one CPU and the
 *    peer's loop to another, as the C ping-pong (benchmarks/src/test/c/ipc_pingpong.c) runs; left to the OS, futex
 *    and pipe wake-ups pull both ends onto one CPU in some runs and not in others. placement=os and =same exist
 *    for -p. shm and threads wait by spinning 1 us, then yielding up to 50 us, then sleeping on a futex.
 *
 * Expect: threads and shm well under 1 us at 64 B (a few cache-line transfers), pipe and uds about 10 us and tcp
 * about 15 us on a current 2-core VM (two wake-ups per round trip), and from about 64 KiB on every transport grows
 * linearly with the bytes: shm and threads at about four copies at memory speed, the kernel transports slower
 * (pipe slowest: Java cannot enlarge a Process's 64 KiB pipes).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IpcRoundTripBenchmark implements AutoParams {

    /** This suite's {@code auto} values, for a trial run by plain JMH (see {@link AutoParams}). */
    static final AutoParams PARAMS = new IpcRoundTripBenchmark();

    /** The {@code @Param("auto")} values for this machine and profile (see {@link IpcSweep}). */
    @Override
    public List<String> values(String param, Profile profile) {
        return switch (param) {
            case "payloadBytes" -> IpcSweep.roundTripBytes(profile.label());
            case "placement" -> IpcSweep.placement();
            default -> throw IpcSweep.noAutoValues(param);
        };
    }

    /** One transport to one peer, for one payload size. */
    @State(Scope.Thread)
    public static class Channel {
        @Param({"threads", "pipe", "uds", "tcp", "shm"})
        public String transport;

        /** Per profile (IpcSweep): smoke 3 sizes, quick the 7 from 0 B to 16 MiB, full 10. */
        @Param("auto")
        public String payloadBytes;

        /** split, same or os (IpcPlacement); auto: split where two CPUs can be pinned. */
        @Param("auto")
        public String placement;

        int bytes;
        Transport link;
        ByteBuffer request;
        long sequence;
        int lastReplyBytes;

        @Setup(Level.Trial)
        public void open(BenchmarkParams benchmark) {
            bytes = IpcSweep.parseBytes(PARAMS.resolve("payloadBytes", payloadBytes));
            IpcPlacement where = IpcPlacement.parse(PARAMS.resolve("placement", placement));
            // At least 64 bytes of room, so the 8-byte checksum reply fits even when the payload is empty.
            link = Transports.open(transport, Math.max(64, bytes), Transports.DEFAULT_TIMEOUT_MS,
                    where.peerCpu());
            IpcPlacement.pinCurrentThread(where.callerCpu()); // after the peer started: its JVM threads stay free
            request = link.request();
            byte[] content = new byte[bytes];
            new SplittableRandom(bytes).nextBytes(content);
            request.put(0, content);
            // Both ends (this JVM and the peer's) warmed until the round trip's cost stops moving, not for a fixed
            // time: a fork that gets there records how long it took, one that does not is flagged in the report.
            SteadyWarmup.warm(benchmark, this::call, this::verify, () -> Transports.compileMillis(link));
        }

        /** One round trip, as the benchmark method makes it. */
        int call() {
            if (bytes >= Long.BYTES) {
                request.putLong(0, ++sequence); // a new payload each call: no echo can be stale
            }
            return lastReplyBytes = link.call(Frame.ECHO, bytes);
        }

        @TearDown(Level.Iteration)
        public void verify() {
            String what = transport + " round trip of " + bytes + " bytes";
            if (lastReplyBytes != bytes) {
                throw new IllegalStateException(what + ": reply had " + lastReplyBytes + " bytes");
            }
            if (!link.reply().slice(0, bytes).equals(request.slice(0, bytes))) {
                throw new IllegalStateException(what + ": the last reply differs from its request (sequence "
                        + sequence + ")");
            }
            CRC32C ours = new CRC32C();
            ours.update(request.slice(0, bytes));
            link.call(Frame.CHECKSUM, bytes);
            long theirs = link.reply().getLong(0);
            if (theirs != ours.getValue()) {
                throw new IllegalStateException(what + ": the peer's CRC32C " + Long.toHexString(theirs)
                        + " differs from ours " + Long.toHexString(ours.getValue()));
            }
            lastReplyBytes = link.call(Frame.ECHO, bytes); // restore the reply verify() compares next time
        }

        @TearDown(Level.Trial)
        public void close() {
            link.close();
        }
    }

    @Benchmark
    public int roundTrip(Channel channel) {
        return channel.call();
    }
}
