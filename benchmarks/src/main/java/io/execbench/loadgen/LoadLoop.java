package io.execbench.loadgen;

import io.execbench.loadgen.HttpResponseParser.MalformedResponseException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's one thread: a {@link Selector} driving every connection, non-blocking, from the schedule to the
 * last reply. See {@link LoadGenerator} for what it measures; this class is how.
 *
 * <p>Each pass of the loop: add the requests now due (open loop: from the fixed schedule; closed loop: one per idle
 * connection), time out the requests whose {@code timeoutMs} has passed, write what is waiting (connecting first
 * where a connection is down), then wait for the sockets until the next due send or expiry. Replies are stamped
 * with {@link System#nanoTime()} right after the read that completed them.
 *
 * <p>Timing versus CPU: {@link Selector#select(long)} waits in whole milliseconds, so the loop blocks in
 * {@code select()} and a {@link Waker} thread wakes it at the next due send, to the kernel's timer slack (about
 * 50 us); only within {@link #SPIN_NS} of a due send does it poll ({@code selectNow}). Replies wake the loop at once
 * and are stamped as they arrive; sends leave within about 0.1 ms of their intended time (the run's send lag records
 * by how much), and the generator costs the machine little CPU below tens of thousands of requests a second, where
 * it used to keep a whole CPU busy polling ({@link LoadResult#generatorCpuNs} says what it cost, the waker
 * included).
 *
 * <p>Queueing: a request due while its connection still awaits earlier replies is written at once (HTTP/1.1
 * pipelining), so the server sees the load when it was intended; its latency counts from its intended time either
 * way. A request not answered within the timeout is counted and abandoned, but the connection is kept: its late reply
 * is read and ignored, so replies keep matching requests and a slow server is not also made to accept new
 * connections. Only a failure (reset, close with requests unanswered, malformed reply) drops a connection; the
 * requests it owed are errors, and those still waiting go out on a new connection made when the next is due.
 */
final class LoadLoop implements AutoCloseable {

    /** Within this of a due send the loop polls instead of waiting for the {@link Waker}. */
    static final long SPIN_NS = 30_000;
    /** The longest single wait, so the loop looks at the clock and the interrupt flag at least this often. */
    static final long MAX_WAIT_NS = 100_000_000;
    /** After the last expiry, how long the loop may still run before it stops regardless (it should never need to). */
    static final long DEADLINE_GRACE_NS = 500_000_000;
    private static final int IN_BYTES = 32 * 1024;
    private static final int OUT_BYTES = 16 * 1024;

    /** One keep-alive connection and the requests it carries. */
    private static final class Connection {
        final RequestQueue queue = new RequestQueue();
        final HttpResponseParser parser = new HttpResponseParser();
        final ByteBuffer in = ByteBuffer.allocateDirect(IN_BYTES);
        final ByteBuffer out = ByteBuffer.allocateDirect(OUT_BYTES); // always in fill mode between calls
        SocketChannel channel;
        SelectionKey key;
        boolean connecting;
        boolean writeBlocked;
    }

    private final LoadSpec spec;
    private final Waker waker;
    private final InetSocketAddress address;
    private final byte[][] requestBytes = new byte[Route.values().length][];
    private final List<Route> routes;
    private final long timeoutNs;
    private final SplittableRandom mix;
    private final Selector selector;
    private final Connection[] connections;

    private long startNs;
    private long startEpochMs;
    private long measureStartNs;
    private long scheduleEndNs;
    private long sendEndNs;
    private Recorder recorder;
    // Open loop: request i is due at startNs + i * nsPerRequest; those before warmupCount are warm-up.
    private double nsPerRequest;
    private long scheduled;
    private long warmupCount;
    private long next;
    // Closed loop.
    private boolean sending;
    private long measuredSent;

    LoadLoop(LoadSpec spec) throws IOException {
        this.spec = spec;
        this.address = new InetSocketAddress(spec.address(), spec.port());
        for (Route route : Route.values()) {
            requestBytes[route.ordinal()] = route.request(spec.host(), spec.port());
        }
        this.routes = spec.heavyShare() > 0 ? List.of(Route.CHEAP, Route.HEAVY) : List.of(Route.CHEAP);
        this.timeoutNs = spec.timeoutMs() * 1_000_000;
        this.mix = new SplittableRandom(spec.seed());
        this.selector = Selector.open();
        this.waker = new Waker(selector);
        this.connections = new Connection[spec.connections()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new Connection();
        }
    }

    /**
     * Opens the connections (up to the timeout; one that fails is retried when a request is due on it), runs the
     * schedule and waits for the replies.
     */
    void run() throws InterruptedException, IOException {
        connectAll();
        startNs = System.nanoTime();
        startEpochMs = System.currentTimeMillis();
        measureStartNs = startNs + spec.warmupMs() * 1_000_000;
        scheduleEndNs = measureStartNs + spec.durationMs() * 1_000_000;
        recorder = new Recorder(routes, measureStartNs, LoadGenerator.INTERVAL_MS * 1_000_000);
        if (spec.openLoop()) {
            nsPerRequest = 1e9 / spec.ratePerSec();
            warmupCount = (long) Math.ceil(spec.warmupMs() * 1e6 / nsPerRequest);
            scheduled = (long) Math.ceil((spec.warmupMs() + spec.durationMs()) * 1e6 / nsPerRequest);
            if (spec.maxRequests() > 0) {
                scheduled = Math.min(scheduled, warmupCount + spec.maxRequests());
            }
            sendEndNs = Math.min(scheduleEndNs, dueNs(scheduled));
        } else {
            sending = true;
            sendEndNs = scheduleEndNs;
        }
        long deadlineNs = scheduleEndNs + timeoutNs + DEADLINE_GRACE_NS;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("load run interrupted");
            }
            long now = System.nanoTime();
            if (spec.openLoop()) {
                addDue(now);
            } else {
                addClosedLoop(now);
            }
            boolean owed = false;
            for (Connection connection : connections) {
                expire(connection, now);
                if (connection.queue.waiting() > 0) {
                    if (connection.channel == null) {
                        connect(connection);
                    } else if (!connection.connecting && !connection.writeBlocked) {
                        flush(connection);
                    }
                }
                owed |= connection.queue.live() > 0;
            }
            boolean moreToSend = spec.openLoop() ? next < scheduled : sending;
            if (!owed && !moreToSend) {
                return;
            }
            if (now - deadlineNs >= 0) {
                timeOutEverything(); // a safety net: expiry has normally timed out every request before this
                return;
            }
            long wakeNs = nextWakeNs(now);
            long waitNs = wakeNs - now;
            if (waitNs <= SPIN_NS) {
                if (selector.selectNow() == 0) {
                    Thread.onSpinWait();
                    continue;
                }
            } else {
                waker.wakeAt(wakeNs);
                int ready = selector.select(Math.max(1, Math.min(waitNs, MAX_WAIT_NS) / 1_000_000 + 1));
                waker.cancel();
                if (ready == 0) {
                    continue;
                }
            }
            handleReady();
        }
    }

    /** The waker thread's CPU time so far (part of the generator's), or -1 where the JVM cannot tell. */
    long wakerCpuNs() {
        return waker.cpuNs();
    }

    /** The results; call after {@link #run}. */
    LoadResult result(long generatorCpuNs, long generatorWallNs, String pinning) {
        long endNs = Math.max(sendEndNs, recorder.lastCompletionNs());
        long measuredNs = Math.max(1, endNs - measureStartNs);
        return new LoadResult(spec, recorder.completed() * 1e9 / measuredNs, recorder.completed(), recorder.errors(),
                recorder.timeouts(), generatorCpuNs, generatorWallNs, measuredNs, recorder.totalsByTag(),
                recorder.intervals(startNs, startEpochMs, endNs), recorder.sendLagNs(), recorder.errorCauses(),
                startEpochMs, pinning);
    }

    @Override
    public void close() {
        waker.close();
        for (Connection connection : connections) {
            drop(connection);
        }
        try {
            selector.close();
        } catch (IOException e) {
            // Nothing is left registered; a failed close of the selector's own descriptor changes no result.
        }
    }

    private long dueNs(long index) {
        return startNs + (long) (index * nsPerRequest);
    }

    private Route nextRoute() {
        return mix.nextDouble() < spec.heavyShare() ? Route.HEAVY : Route.CHEAP;
    }

    private void addDue(long now) {
        while (next < scheduled && dueNs(next) - now <= 0) {
            Connection connection = connections[(int) (next % connections.length)];
            connection.queue.add(dueNs(next), RequestQueue.flags(nextRoute(), next >= warmupCount));
            next++;
        }
    }

    private void addClosedLoop(long now) {
        if (!sending) {
            return;
        }
        if (now - scheduleEndNs >= 0) {
            sending = false;
            return;
        }
        boolean measured = now - measureStartNs >= 0;
        for (Connection connection : connections) {
            if (connection.queue.live() > 0) {
                continue;
            }
            if (measured && spec.maxRequests() > 0 && measuredSent == spec.maxRequests()) {
                sending = false;
                sendEndNs = now;
                return;
            }
            connection.queue.add(now, RequestQueue.flags(nextRoute(), measured));
            measuredSent += measured ? 1 : 0;
        }
    }

    // The oldest live request first: a connection's requests were due in order, so they expire in order.
    private void expire(Connection connection, long now) {
        RequestQueue queue = connection.queue;
        while (queue.abandoned() < queue.size() && now - queue.intendedNs(queue.abandoned()) >= timeoutNs) {
            if (RequestQueue.measured(queue.flags(queue.abandoned()))) {
                recorder.timeout();
            }
            queue.abandonNext();
        }
        if (connection.connecting && queue.live() == 0 && !queue.isEmpty()) {
            drop(connection); // a connect that outlived the timeout (a full accept backlog drops SYNs): start over
        }
        dropAbandonedUnwritten(connection);
    }

    private static void dropAbandonedUnwritten(Connection connection) {
        RequestQueue queue = connection.queue;
        while (queue.committed() == 0 && queue.abandoned() > 0) {
            queue.removeHead();
        }
    }

    private long nextWakeNs(long now) {
        long wake = now + MAX_WAIT_NS;
        if (spec.openLoop() && next < scheduled) {
            wake = earlier(wake, dueNs(next));
        } else if (sending) {
            wake = earlier(wake, scheduleEndNs);
        }
        for (Connection connection : connections) {
            RequestQueue queue = connection.queue;
            if (queue.live() > 0) {
                wake = earlier(wake, queue.intendedNs(queue.abandoned()) + timeoutNs);
            }
        }
        return wake;
    }

    private static long earlier(long a, long b) {
        return b - a < 0 ? b : a;
    }

    private void handleReady() {
        var ready = selector.selectedKeys();
        for (SelectionKey key : ready) {
            Connection connection = (Connection) key.attachment();
            if (!key.isValid() || key != connection.key) {
                continue;
            }
            if (key.isConnectable()) {
                finishConnect(connection);
                continue;
            }
            if (key.isReadable()) {
                read(connection);
            }
            if (key.isValid() && key == connection.key && key.isWritable()) {
                flush(connection); // clears the write interest once the buffer is empty
            }
        }
        ready.clear();
    }

    private void connectAll() throws InterruptedException, IOException {
        for (Connection connection : connections) {
            connect(connection);
        }
        long deadlineNs = System.nanoTime() + timeoutNs;
        while (anyConnecting()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("load run interrupted while connecting");
            }
            long leftNs = deadlineNs - System.nanoTime();
            if (leftNs <= 0) {
                for (Connection connection : connections) {
                    if (connection.connecting) {
                        drop(connection); // retried when its first request is due
                    }
                }
                return;
            }
            selector.select(Math.max(1, Math.min(leftNs, MAX_WAIT_NS) / 1_000_000));
            handleReady();
        }
    }

    private boolean anyConnecting() {
        for (Connection connection : connections) {
            if (connection.connecting) {
                return true;
            }
        }
        return false;
    }

    private void connect(Connection connection) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // a request is one write; never hold it back
            boolean connected = channel.connect(address);
            connection.channel = channel;
            connection.connecting = !connected;
            connection.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
                    connection);
        } catch (IOException e) {
            if (connection.channel == null && channel != null) {
                closeQuietly(channel);
            }
            drop(connection);
            failUnanswered(connection, "connect: " + e.getMessage());
        }
    }

    private void finishConnect(Connection connection) {
        try {
            connection.channel.finishConnect();
            connection.connecting = false;
            connection.key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            drop(connection);
            failUnanswered(connection, "connect: " + e.getMessage());
        }
    }

    // Writes as many waiting requests as the output buffer takes, then as much of the buffer as the socket takes.
    private void flush(Connection connection) {
        RequestQueue queue = connection.queue;
        dropAbandonedUnwritten(connection);
        ByteBuffer out = connection.out;
        long now = System.nanoTime();
        while (queue.waiting() > 0) {
            int position = queue.committed();
            byte[] bytes = requestBytes[RequestQueue.route(queue.flags(position)).ordinal()];
            if (out.remaining() < bytes.length) {
                break;
            }
            out.put(bytes);
            queue.commitNext();
            if (position >= queue.abandoned()) {
                if (!spec.openLoop()) {
                    queue.restamp(position, now);
                } else if (RequestQueue.measured(queue.flags(position))) {
                    recorder.sendLag(now - queue.intendedNs(position));
                }
            }
        }
        if (out.position() == 0) {
            return;
        }
        out.flip();
        try {
            connection.channel.write(out);
        } catch (IOException e) {
            out.compact();
            lost(connection, "write failed: " + e.getMessage());
            return;
        }
        out.compact();
        boolean blocked = out.position() > 0;
        if (blocked != connection.writeBlocked) {
            connection.writeBlocked = blocked;
            connection.key.interestOps(blocked ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    private void read(Connection connection) {
        int count;
        try {
            count = connection.channel.read(connection.in);
        } catch (IOException e) {
            lost(connection, "connection reset: " + e.getMessage());
            return;
        }
        if (count < 0) {
            lost(connection, "closed by the server with requests unanswered");
            return;
        }
        long now = System.nanoTime();
        ByteBuffer in = connection.in;
        in.flip();
        try {
            while (in.hasRemaining() && connection.parser.parse(in)) {
                int status = connection.parser.status();
                boolean close = connection.parser.closeRequested();
                connection.parser.reset();
                if (!answer(connection, status, now)) {
                    return;
                }
                if (close) {
                    closeAsAnnounced(connection);
                    return;
                }
            }
            in.compact();
        } catch (MalformedResponseException e) {
            lost(connection, "malformed reply: " + e.getMessage());
        }
    }

    // Charges one reply to the oldest written request; false when there was none (the connection is dropped).
    private boolean answer(Connection connection, int status, long now) {
        RequestQueue queue = connection.queue;
        if (queue.committed() == 0) {
            lost(connection, "malformed reply: a reply to no request");
            return false;
        }
        boolean timedOut = queue.abandoned() > 0;
        long intendedNs = queue.intendedNs(0);
        int flags = queue.flags(0);
        queue.removeHead();
        if (!timedOut && RequestQueue.measured(flags)) {
            if (status >= 200 && status < 300) {
                recorder.completed(RequestQueue.route(flags), now, now - intendedNs);
            } else {
                recorder.error("status " + status);
            }
        }
        return true;
    }

    // "Connection: close": requests written after the one answered were never read by the server; send them again.
    private void closeAsAnnounced(Connection connection) {
        RequestQueue queue = connection.queue;
        while (queue.committed() > 0 && queue.abandoned() > 0) {
            queue.removeHead();
        }
        queue.uncommitAll();
        drop(connection);
    }

    // The connection failed: the requests it owed are errors (once: timed-out ones were counted already).
    private void lost(Connection connection, String cause) {
        RequestQueue queue = connection.queue;
        while (queue.committed() > 0) {
            boolean timedOut = queue.abandoned() > 0;
            int flags = queue.flags(0);
            queue.removeHead();
            if (!timedOut && RequestQueue.measured(flags)) {
                recorder.error(cause);
            }
        }
        drop(connection);
    }

    // A connection that could not be made fails every request waiting on it.
    private void failUnanswered(Connection connection, String cause) {
        RequestQueue queue = connection.queue;
        while (!queue.isEmpty()) {
            boolean timedOut = queue.abandoned() > 0;
            int flags = queue.flags(0);
            queue.removeHead();
            if (!timedOut && RequestQueue.measured(flags) && recorder != null) {
                recorder.error(cause);
            }
        }
    }

    private void timeOutEverything() {
        for (Connection connection : connections) {
            RequestQueue queue = connection.queue;
            while (queue.live() > 0) {
                if (RequestQueue.measured(queue.flags(queue.abandoned()))) {
                    recorder.timeout();
                }
                queue.abandonNext();
            }
        }
    }

    // Closes the socket and forgets its bytes; the queue is the caller's to settle.
    private static void drop(Connection connection) {
        if (connection.key != null) {
            connection.key.cancel();
            connection.key = null;
        }
        if (connection.channel != null) {
            closeQuietly(connection.channel);
            connection.channel = null;
        }
        connection.connecting = false;
        connection.writeBlocked = false;
        connection.in.clear();
        connection.out.clear();
        connection.parser.reset();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket we are done with: there is nothing to do about a failure and no result depends on it.
        }
    }
}
