package io.execbench.ipc;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.warmup.SteadyWarmup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Measures: a round trip of a structured message (an order with lines, OrderGraph) that is serialised to JSON and
 * parsed on each side (json), next to a round trip of raw bytes of exactly the same length over the same
 * transport (raw). json - raw is the cost of serialisation: the share of a JSON channel's cost (Node.js's fork
 * channel, most service calls) that is not the transport. threads isolates it from the kernel; pipe is the channel
 * a parent and its worker process would use.
 *
 * The format is a benchmark method, not a @Param: raw returns an int and json an object, and one method for both
 * would box the int in the timed loop.
 *
 * Pitfalls avoided:
 *  - Unequal bytes: raw sends the very JSON text the json method sends, as bytes; payloadBytes is the target size
 *    of the JSON, which comes out within one order line of it.
 *  - Skipped work: json serialises the graph, the peer parses it into objects and serialises them back, and json
 *    parses the reply; after each iteration the last parsed reply must equal the original graph, and the last raw
 *    reply must equal its request byte for byte.
 *  - Allocation: raw allocates nothing; json allocates what Jackson allocates, which is part of what is measured.
 *
 * Expect: raw as in IpcRoundTripBenchmark; json several times slower from a few KiB on (four passes of Jackson
 * at a few hundred MB/s each against four memory-speed copies), so that on threads nearly all of json is
 * serialisation, and on pipe serialisation still dominates for large messages.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IpcMessageFormatBenchmark implements AutoParams {

    /** This suite's {@code auto} values, for a trial run by plain JMH (see {@link AutoParams}). */
    static final AutoParams PARAMS = new IpcMessageFormatBenchmark();

    /** The {@code @Param("auto")} values for this machine and profile (see {@link IpcSweep}). */
    @Override
    public List<String> values(String param, Profile profile) {
        return switch (param) {
            case "payloadBytes" -> IpcSweep.formatBytes(profile.label());
            case "placement" -> IpcSweep.placement();
            default -> throw IpcSweep.noAutoValues(param);
        };
    }

    /** One transport and one order graph, with its JSON kept as the raw payload. */
    @State(Scope.Thread)
    public static class Message {
        @Param({"threads", "pipe"})
        public String transport;

        /** The JSON's target size, per profile (IpcSweep): 1 KiB in smoke and quick, 1 KiB and 1 MiB in full. */
        @Param("auto")
        public String payloadBytes;

        /** split, same or os (IpcPlacement); auto: split where two CPUs can be pinned. */
        @Param("auto")
        public String placement;

        Transport link;
        OrderGraph.Order order;
        int jsonBytes;
        OrderGraph.Order lastParsed;
        int lastRawReplyBytes;

        @Setup(Level.Trial)
        public void open(BenchmarkParams benchmark) throws IOException {
            order = OrderGraph.ofAbout(IpcSweep.parseBytes(PARAMS.resolve("payloadBytes", payloadBytes)), 17);
            // Room for the peer to re-serialise; Jackson writes the same text back, so the reply is as long.
            IpcPlacement where = IpcPlacement.parse(PARAMS.resolve("placement", placement));
            link = Transports.open(transport, 2 * OrderGraph.size(order) + 1024, Transports.DEFAULT_TIMEOUT_MS,
                    where.peerCpu());
            IpcPlacement.pinCurrentThread(where.callerCpu());
            jsonBytes = OrderGraph.write(order, link.request(), 0);
            // Jackson on both sides needs thousands of calls to be compiled: warm until the cost stops moving.
            boolean json = benchmark.getBenchmark().endsWith(".json");
            SteadyWarmup.warm(benchmark, json ? () -> json().lines().size() : this::raw, this::verify,
                    () -> Transports.compileMillis(link));
            lastParsed = null;
            lastRawReplyBytes = 0;
            if (json) {
                OrderGraph.write(order, link.request(), 0); // the raw payload is this JSON text again
            }
        }

        int raw() {
            // The JSON text written at set-up, sent as bytes: same length, no serialisation.
            return lastRawReplyBytes = link.call(Frame.ECHO, jsonBytes);
        }

        OrderGraph.Order json() {
            try {
                int written = OrderGraph.write(order, link.request(), 0);
                int replyBytes = link.call(Frame.JSON_ECHO, written);
                return lastParsed = OrderGraph.read(link.reply(), 0, replyBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(transport + ": JSON failed: " + e.getMessage(), e);
            }
        }

        @TearDown(Level.Iteration)
        public void verify() {
            if (lastParsed != null && !lastParsed.equals(order)) {
                throw new IllegalStateException(transport + " json round trip of " + jsonBytes
                        + " bytes: the parsed reply differs from the order sent");
            }
            if (lastRawReplyBytes != 0) {
                ByteBuffer sent = link.request().slice(0, jsonBytes);
                if (lastRawReplyBytes != jsonBytes || !link.reply().slice(0, jsonBytes).equals(sent)) {
                    throw new IllegalStateException(transport + " raw round trip of " + jsonBytes
                            + " bytes: the reply differs from its request");
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            link.close();
        }
    }

    @Benchmark
    public int raw(Message message) {
        return message.raw();
    }

    @Benchmark
    public OrderGraph.Order json(Message message) {
        return message.json();
    }
}
