package io.execbench.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Event-loop lag as Node's {@code monitorEventLoopDelay} measures it: a timer due every {@value #TICK_NS} ns, kept by
 * the loop itself (its select timeout and a deadline it checks after each round, never a second thread), records how
 * late it fired. A loop busy with a 10 ms heavy request records about 10 ms; an idle one records its wake-up slack.
 *
 * <p>Floor: the selector's timeout has millisecond granularity, rounded up here (rounding down would spin), so an idle
 * loop records up to about 1 ms plus the OS's timer slack; Node's libuv timers share that granularity.
 *
 * <p>The loop thread records into a {@link SingleWriterRecorder} (wait-free for it); any thread may take a
 * {@link #snapshot}, which accumulates the intervals recorded so far.
 */
final class LoopLag {

    static final long TICK_NS = 1_000_000;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(3);
    private final Histogram total = new Histogram(3);
    private long deadlineNs;

    /** Starts the timer (loop thread). */
    void start(long nowNs) {
        deadlineNs = nowNs + TICK_NS;
    }

    /** The select timeout until the timer is due, in ms, rounded up; 0 when due now (select without waiting). */
    long selectTimeoutMs(long nowNs) {
        long leftNs = deadlineNs - nowNs;
        return leftNs <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNs + 999_999));
    }

    /** Fires the timer if it is due: records its lateness and sets the next deadline (loop thread). */
    void check(long nowNs) {
        if (nowNs - deadlineNs >= 0) {
            recorder.recordValue(nowNs - deadlineNs);
            deadlineNs = nowNs + TICK_NS;
        }
    }

    /** Everything recorded since the start, as a new histogram (any thread). */
    synchronized Histogram snapshot() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    /** {@code histogram} in HdrHistogram's compressed form, Base64 (one line, for a child's stdout). */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** What a server without a loop reports: nothing recorded. */
    static Histogram empty() {
        return new Histogram(3);
    }

    /** The histogram {@link #encode} wrote. */
    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }
}
