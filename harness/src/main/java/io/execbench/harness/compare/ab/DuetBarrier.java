package io.execbench.harness.compare.ab;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's half of a duet's iteration barrier ({@link DuetProfiler} is the forks' half): a Unix domain socket
 * that both forks connect to, and that releases iteration {@code i} to both once both are ready for it. It waits
 * {@code firstTimeout} for the first iteration (two JVMs starting on one CPU each) and {@code timeout} for each later
 * one; a fork that closes its connection early (it died), a fork that stays away too long, or {@link #cancel} from
 * another thread ends the duet: both connections are closed, which fails the waiting fork's iteration at once, and
 * {@link #coordinate} returns why, in one sentence.
 */
final class DuetBarrier implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final int iterations;
    private final Duration firstTimeout;
    private final Duration timeout;
    private final List<SocketChannel> clients = new ArrayList<>();
    private volatile String cancelled;

    private DuetBarrier(Path socket, ServerSocketChannel server, Selector selector, int iterations,
                        Duration firstTimeout, Duration timeout) {
        this.socket = socket;
        this.server = server;
        this.selector = selector;
        this.iterations = iterations;
        this.firstTimeout = firstTimeout;
        this.timeout = timeout;
    }

    /**
     * Listens at {@code socket} (a path in a private folder, short: Linux allows 107 bytes) for a duet of
     * {@code iterations} iterations per fork (warm-up and measurement).
     */
    static DuetBarrier open(Path socket, int iterations, Duration firstTimeout, Duration timeout) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            return new DuetBarrier(socket, server, selector, iterations, firstTimeout, timeout);
        } catch (IOException e) {
            server.close();
            throw new IOException(socket + ": cannot listen for the duet's forks (" + e.getMessage() + ")", e);
        }
    }

    /** The socket's path, for the forks' {@value DuetProfiler#SOCKET_PROPERTY}. */
    Path socket() {
        return socket;
    }

    /** Ends a running {@link #coordinate} with {@code reason} (e.g. a fork exited); safe from any thread. */
    void cancel(String reason) {
        cancelled = reason;
        selector.wakeup();
    }

    /**
     * Releases every iteration to both forks in turn; returns {@code null} once all {@code iterations} were released,
     * or why the duet failed. Both connections are closed on failure.
     */
    String coordinate() throws IOException {
        int[] ready = new int[2]; // 'R's received from A and B
        int released = 0;
        long deadline = System.nanoTime() + firstTimeout.toNanos();
        while (released < iterations) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            String failure = cancelled != null ? cancelled : leftMs <= 0 ? late(ready, released) : null;
            if (failure != null) {
                closeClients();
                return failure;
            }
            selector.select(leftMs);
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isAcceptable()) {
                    SocketChannel client = server.accept();
                    if (client != null) {
                        client.configureBlocking(false);
                        client.register(selector, SelectionKey.OP_READ, new int[] {-1}); // side not yet known
                        clients.add(client);
                    }
                } else if (key.isReadable()) {
                    failure = read(key, ready, released);
                    if (failure != null) {
                        closeClients();
                        return failure;
                    }
                }
            }
            selector.selectedKeys().clear();
            if (ready[0] > released && ready[1] > released) {
                released++;
                try {
                    for (SocketChannel client : clients) {
                        client.write(ByteBuffer.wrap(new byte[] {'G'}));
                    }
                } catch (IOException e) {
                    closeClients();
                    return "a fork left the duet at iteration " + released + " of " + iterations
                            + " (it failed or died)";
                }
                deadline = System.nanoTime() + timeout.toNanos();
            }
        }
        return null;
    }

    private String read(SelectionKey key, int[] ready, int released) throws IOException {
        int[] side = (int[]) key.attachment();
        ByteBuffer bytes = ByteBuffer.allocate(64);
        int count;
        try {
            count = ((SocketChannel) key.channel()).read(bytes);
        } catch (IOException reset) {
            count = -1; // a fork that died with a go unread resets its connection: it left, as at the end of stream
        }
        if (count < 0) {
            return side[0] < 0 ? "a fork closed the barrier before saying which build it is"
                    : "build " + label(side[0]) + "'s fork left the duet before iteration " + (released + 1)
                    + " of " + iterations + " (it failed or died)";
        }
        for (int i = 0; i < count; i++) {
            byte b = bytes.get(i);
            if (side[0] < 0 && (b == 'A' || b == 'B')) {
                side[0] = b - 'A';
            } else if (side[0] >= 0 && b == 'R') {
                ready[side[0]]++;
            } else {
                return "a duet fork sent an unexpected byte " + b + " to the barrier";
            }
        }
        return null;
    }

    private String late(int[] ready, int released) {
        List<String> missing = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            if (ready[side] <= released) {
                missing.add(label(side));
            }
        }
        Duration waited = released == 0 ? firstTimeout : timeout;
        return "build " + String.join(" and build ", missing) + (missing.size() > 1 ? " were" : " was")
                + " not ready for iteration " + (released + 1) + " of " + iterations + " within "
                + String.format(java.util.Locale.ROOT, "%.1f s", waited.toMillis() / 1000.0);
    }

    private static String label(int side) {
        return side == 0 ? "A" : "B";
    }

    /** Ends the duet for both forks: no new fork may join it, and each joined one reads the end of stream. */
    private void closeClients() {
        try {
            server.close(); // a fork that connects later is refused at once instead of waiting for its timeout
        } catch (IOException ignored) {
            // already closed, or closing failed: the forks' own timeouts still end their wait
        }
        for (SocketChannel client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing is what we want; a failure to close changes nothing for the fork
            }
        }
        try {
            // A registered channel's socket is closed only when its key is flushed by a selection: flush now, so that a
            // fork waiting in the listener's backlog is reset at once and not at the end of its own timeout.
            selector.selectNow();
        } catch (IOException | java.nio.channels.ClosedSelectorException ignored) {
            // the selector is gone, and with it every registration
        }
    }

    @Override
    public void close() throws IOException {
        closeClients();
        selector.close();
        server.close();
        Files.deleteIfExists(socket);
    }
}
