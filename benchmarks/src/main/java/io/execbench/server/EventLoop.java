package io.execbench.server;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The loop both loop models run: one thread and one {@link Selector} that accept, read, parse, answer and write, and
 * keep the {@link LoopLag} timer. With an offload pool, heavy requests run there and their answers come back through
 * a queue and {@link Selector#wakeup()}; without, they run here, and every other connection waits meanwhile (the
 * point of the {@code eventLoop} model).
 *
 * <p>One round: select until the lag timer is due; handle ready keys; take finished offloaded answers; fire the
 * timer (recording how late it is); every {@value #IDLE_SCAN_NS} ns, close connections idle past the limit.
 * Writes never block: what the socket does not take waits in the connection's queue (bounded, see
 * {@link LoopConnection}), so a slow or vanished client costs one connection, never the loop.
 */
final class EventLoop {

    private static final long IDLE_SCAN_NS = 100_000_000;
    /** How long a refused or closing connection's unread input is drained before the close. */
    private static final long LINGER_NS = 2_000_000_000L;
    private static final int ACCEPTS_PER_ROUND = 64;
    private static final long STOP_WAIT_MS = 10_000;

    private record Finished(LoopConnection connection, Response response) {
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Handler handler;
    private final ExecutorService offload; // null: heavy requests run on the loop
    private final int maxHeaderBytes;
    private final long idleTimeoutNs;
    private final List<Integer> cpus;
    private final LoopLag lag = new LoopLag();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final ByteBuffer discard = ByteBuffer.allocate(LoopConnection.IN_BYTES);
    private final Thread thread;
    private volatile boolean running = true;
    private long nextIdleScanNs;

    /** Takes ownership of {@code server} (bound, any blocking mode) and {@code offload}; starts the loop thread. */
    EventLoop(ServerSocketChannel server, Handler handler, ExecutorService offload, ServerConfig config)
            throws IOException {
        this.server = server;
        this.handler = handler;
        this.offload = offload;
        this.maxHeaderBytes = config.maxHeaderBytes();
        this.idleTimeoutNs = TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMs());
        this.cpus = config.cpus();
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = Thread.ofPlatform().name("execbench-server-loop").daemon().start(this::run);
    }

    LoopLag lag() {
        return lag;
    }

    /** Stops the loop, closes every connection and the listening socket, and stops the offload pool. */
    void stop() {
        running = false;
        selector.wakeup();
        try {
            // A loop inside a long heavy request notices only after it; the wait is bounded all the same.
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (offload != null) {
            offload.shutdownNow();
        }
        if (thread.isAlive()) {
            closeQuietly(); // the loop is stuck in a request: free the port anyway (the thread is a daemon)
        }
    }

    private void run() {
        Pinning.pinCurrentThread(cpus);
        long now = System.nanoTime();
        lag.start(now);
        nextIdleScanNs = now + IDLE_SCAN_NS;
        try {
            while (running) {
                // Idleness is judged as of this instant, whose readiness the select below reports: a loop that then
                // spends seconds in a heavy request must not blame the clients whose requests wait behind it.
                long selectNs = System.nanoTime();
                long timeoutMs = lag.selectTimeoutMs(selectNs);
                if (timeoutMs == 0) {
                    selector.selectNow(this::handle);
                } else {
                    selector.select(this::handle, timeoutMs);
                }
                takeFinished();
                now = System.nanoTime();
                lag.check(now);
                if (now - nextIdleScanNs >= 0) {
                    closeIdle(selectNs);
                    nextIdleScanNs = now + IDLE_SCAN_NS;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("execbench server: event loop failed: " + e);
        } finally {
            closeQuietly();
        }
    }

    private void handle(SelectionKey key) {
        if (key.channel() == server) {
            accept();
            return;
        }
        LoopConnection connection = (LoopConnection) key.attachment();
        try {
            if (key.isValid() && key.isReadable()) {
                read(connection);
            } else if (key.isValid() && key.isWritable()) {
                serve(connection);
            }
        } catch (IOException e) {
            close(connection); // reset by the client, or gone: this connection only
        }
    }

    private void accept() {
        for (int i = 0; i < ACCEPTS_PER_ROUND; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
                if (channel == null) {
                    return;
                }
            } catch (IOException e) {
                System.err.println("execbench server: accept failed: " + e); // e.g. out of descriptors
                return;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                key.attach(new LoopConnection(channel, key, maxHeaderBytes, System.nanoTime()));
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing left to free
                }
            }
        }
    }

    private void read(LoopConnection connection) throws IOException {
        if (connection.lingering) {
            discard.clear();
            if (connection.channel.read(discard) < 0) {
                close(connection);
            }
            return;
        }
        int n = connection.channel.read(connection.in);
        if (n < 0) {
            connection.inputEnded = true;
        } else if (n > 0) {
            connection.lastProgressNs = System.nanoTime();
        }
        serve(connection);
    }

    /**
     * Parses and answers what has arrived, writes what the socket takes, and repeats while writing made room for
     * requests already buffered (no read event would come for them); then sets the interest.
     */
    private void serve(LoopConnection connection) throws IOException {
        do {
            parseAndAnswer(connection);
            write(connection);
        } while (connection.mayParse() && connection.in.position() > 0);
        finishOrWait(connection);
    }

    private void parseAndAnswer(LoopConnection connection) {
        ByteBuffer in = connection.in.flip();
        try {
            while (connection.mayParse() && in.hasRemaining()) {
                Request request;
                try {
                    request = connection.parser.parse(in);
                } catch (BadRequest refusal) {
                    connection.queue(Handler.reject(refusal));
                    break;
                }
                if (request == null) {
                    break; // every byte taken, the request incomplete
                }
                if (offload != null && handler.isHeavy(request)) {
                    handOff(connection, request);
                } else {
                    connection.queue(handler.respond(request));
                }
            }
        } finally {
            in.compact();
        }
    }

    private void handOff(LoopConnection connection, Request request) {
        connection.awaitingOffload = true;
        try {
            offload.execute(() -> {
                finished.add(new Finished(connection, handler.respond(request)));
                selector.wakeup();
            });
        } catch (RejectedExecutionException e) {
            connection.awaitingOffload = false; // stopping: the connection is about to close anyway
            connection.closeAfterWrite = true;
        }
    }

    private void takeFinished() throws IOException {
        Finished done;
        while ((done = finished.poll()) != null) {
            LoopConnection connection = done.connection();
            if (!connection.channel.isOpen()) {
                continue; // the client left while its heavy request ran
            }
            connection.awaitingOffload = false;
            connection.queue(done.response());
            connection.lastProgressNs = System.nanoTime();
            try {
                serve(connection); // requests that arrived meanwhile, then the write
            } catch (IOException e) {
                close(connection);
            }
        }
    }

    /** Writes queued answers until the socket takes no more; never blocks. */
    private static void write(LoopConnection connection) throws IOException {
        while (!connection.out.isEmpty()) {
            ByteBuffer head = connection.out.peek();
            int n = connection.channel.write(head);
            if (n > 0) {
                connection.pendingOutBytes -= n;
                connection.lastProgressNs = System.nanoTime();
            }
            if (head.hasRemaining()) {
                return; // the socket is full: wait for OP_WRITE
            }
            connection.out.poll();
        }
    }

    private void finishOrWait(LoopConnection connection) throws IOException {
        boolean drained = connection.out.isEmpty();
        if (drained && connection.closeAfterWrite && !connection.lingering) {
            // Half-close, then drain: closing with unread input would send a reset that may destroy the answer.
            connection.lingering = true;
            connection.lastProgressNs = System.nanoTime();
            connection.channel.shutdownOutput();
        }
        if (drained && connection.inputEnded && !connection.awaitingOffload) {
            close(connection); // the client finished, or left mid-request
            return;
        }
        int interest = drained ? 0 : SelectionKey.OP_WRITE;
        boolean roomToRead = connection.in.hasRemaining() && connection.mayParse() && !connection.inputEnded;
        if (connection.lingering || roomToRead) {
            interest |= SelectionKey.OP_READ;
        }
        connection.key.interestOps(interest);
    }

    /** Closes connections without progress for the limit (the linger limit for closing ones) as of {@code nowNs}. */
    private void closeIdle(long nowNs) {
        List<LoopConnection> expired = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof LoopConnection connection && !connection.awaitingOffload) {
                long limitNs = connection.lingering ? LINGER_NS : idleTimeoutNs;
                if (nowNs - connection.lastProgressNs > limitNs) {
                    expired.add(connection);
                }
            }
        }
        expired.forEach(EventLoop::close);
    }

    private static void close(LoopConnection connection) {
        connection.key.cancel();
        try {
            connection.channel.close();
        } catch (IOException e) {
            // closing a broken socket may complain; it is closed all the same
        }
    }

    private void closeQuietly() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                // stopping: nothing to do about it
            }
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // stopping: nothing to do about it
        }
    }
}
