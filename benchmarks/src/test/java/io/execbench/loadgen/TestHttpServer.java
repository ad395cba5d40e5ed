package io.execbench.loadgen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP/1.1 server for the load generator's tests, on one thread and one selector: {@code GET /cheap} and
 * {@code GET /heavy} answered at once with {@code ok} (keep-alive, Content-Length, pipelining, HTTP/1.0 for ab),
 * plus the misbehaviours the tests need: a periodic stall of all handling, a fixed status, {@code Connection: close}
 * every n replies, silence (reads, never answers), and a sudden death ({@link #kill}).
 *
 * <p>The stall clock starts at the first request, so a test knows when the stall falls within its run whatever
 * happened before (a slow JVM start, a loaded machine): handling is blocked during
 * {@code [first + offset + k * period, first + offset + k * period + length)}, checked before every request.
 */
final class TestHttpServer implements AutoCloseable {

    /** Configuration; the defaults answer everything at once with 200. */
    static final class Options {
        long stallOffsetMs = -1; // < 0: never stalls
        long stallPeriodMs = Long.MAX_VALUE;
        long stallLengthMs;
        int status = 200;
        int closeEvery;
        boolean silent;

        Options stall(long offsetMs, long periodMs, long lengthMs) {
            stallOffsetMs = offsetMs;
            stallPeriodMs = periodMs;
            stallLengthMs = lengthMs;
            return this;
        }

        Options status(int code) {
            status = code;
            return this;
        }

        Options closeEvery(int replies) {
            closeEvery = replies;
            return this;
        }

        Options silent() {
            silent = true;
            return this;
        }
    }

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final Options options;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    private final List<SocketChannel> clients = new ArrayList<>();
    private final AtomicLong cheap = new AtomicLong();
    private final AtomicLong heavy = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong stalledNs = new AtomicLong();
    private final Map<String, byte[]> replies = new HashMap<>(); // encoded once per kind
    private volatile boolean running = true;
    private long firstRequestNs = -1;

    private static final class Client {
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        int replies;
        boolean closeWhenFlushed;
    }

    private TestHttpServer(Options options) throws IOException {
        this.options = options;
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::serve, "test-http-server");
        thread.setDaemon(true);
    }

    static TestHttpServer start(Options options) throws IOException {
        TestHttpServer server = new TestHttpServer(options);
        server.thread.start();
        return server;
    }

    static TestHttpServer start() throws IOException {
        return start(new Options());
    }

    int port() {
        return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
    }

    long cheapRequests() {
        return cheap.get();
    }

    long heavyRequests() {
        return heavy.get();
    }

    long accepted() {
        return accepted.get();
    }

    /** Total time spent stalled so far. */
    long stalledMs() {
        return stalledNs.get() / 1_000_000;
    }

    /** Dies at once: every connection reset (SO_LINGER 0), the port closed, the thread stopped. */
    void kill() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
        closeAll(true);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
        closeAll(false);
    }

    private void serve() {
        try {
            while (running) {
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        handle(key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                throw new IllegalStateException("test server failed", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Client());
            synchronized (clients) {
                clients.add(channel);
            }
            accepted.incrementAndGet();
        }
    }

    private void handle(SelectionKey key) throws InterruptedException {
        SocketChannel channel = (SocketChannel) key.channel();
        Client client = (Client) key.attachment();
        try {
            if (key.isWritable()) {
                write(key, channel, client);
                return;
            }
            int read = channel.read(client.in);
            if (read < 0) {
                channel.close();
                return;
            }
            client.in.flip();
            int end;
            while ((end = headEnd(client.in)) >= 0) {
                int from = client.in.position();
                client.in.position(end + HEAD_END.length);
                stallIfDue();
                respond(client, client.in.array(), from, end);
                if (client.closeWhenFlushed) {
                    client.in.position(client.in.limit()); // nothing after a close is answered
                }
            }
            client.in.compact();
            write(key, channel, client);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // gone either way
            }
        }
    }

    private void stallIfDue() throws InterruptedException {
        long now = System.nanoTime();
        if (firstRequestNs < 0) {
            firstRequestNs = now;
        }
        if (options.stallOffsetMs < 0) {
            return;
        }
        long sinceNs = now - firstRequestNs - options.stallOffsetMs * 1_000_000;
        if (sinceNs < 0) {
            return;
        }
        long inPeriodNs = sinceNs % (options.stallPeriodMs * 1_000_000);
        long leftNs = options.stallLengthMs * 1_000_000 - inPeriodNs;
        if (leftNs > 0) {
            Thread.sleep(leftNs / 1_000_000, (int) (leftNs % 1_000_000)); // everything waits: no accept, no read
            stalledNs.addAndGet(System.nanoTime() - now);
        }
    }

    // Byte-level, allocation-free for the common request: the throughput test needs this server to be cheap.
    private void respond(Client client, byte[] head, int from, int to) {
        int lineEnd = indexOf(head, from, to, "\r\n");
        if (lineEnd < 0) {
            lineEnd = to;
        }
        boolean heavyPath = startsWith(head, from, lineEnd, "GET /heavy ");
        boolean known = heavyPath || startsWith(head, from, lineEnd, "GET /cheap ");
        (heavyPath ? heavy : cheap).incrementAndGet();
        if (options.silent) {
            return;
        }
        boolean http10 = lineEnd - from >= 8 && startsWith(head, lineEnd - 8, lineEnd, "HTTP/1.0");
        boolean askedClose = indexOfIgnoreCase(head, lineEnd, to, "connection: close") >= 0;
        boolean keepAlive10 = http10 && indexOfIgnoreCase(head, lineEnd, to, "connection: keep-alive") >= 0;
        client.replies++;
        boolean close = (http10 && !keepAlive10) || askedClose
                || (options.closeEvery > 0 && client.replies % options.closeEvery == 0);
        int status = known ? options.status : 404;
        byte[] bytes = reply(status, close, http10 && !close);
        if (client.out.remaining() < bytes.length) {
            ByteBuffer bigger = ByteBuffer.allocate(client.out.capacity() * 2 + bytes.length);
            client.out.flip();
            bigger.put(client.out);
            client.out = bigger;
        }
        client.out.put(bytes);
        client.closeWhenFlushed |= close;
    }

    private byte[] reply(int status, boolean close, boolean keepAlive10) {
        String key = status + "/" + close + "/" + keepAlive10;
        byte[] cached = replies.get(key);
        if (cached != null) {
            return cached;
        }
        String body = status == 404 ? "no such route" : "ok";
        String reply = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Test") + "\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + (close ? "Connection: close\r\n" : keepAlive10 ? "Connection: keep-alive\r\n" : "") + "\r\n" + body;
        byte[] bytes = reply.getBytes(StandardCharsets.ISO_8859_1);
        replies.put(key, bytes);
        return bytes;
    }

    private static boolean startsWith(byte[] bytes, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int from, int to, String text) {
        for (int i = from; i + text.length() <= to; i++) {
            if (startsWith(bytes, i, to, text)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(byte[] bytes, int from, int to, String lowerText) {
        outer:
        for (int i = from; i + lowerText.length() <= to; i++) {
            for (int k = 0; k < lowerText.length(); k++) {
                int b = bytes[i + k];
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerText.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void write(SelectionKey key, SocketChannel channel, Client client) throws IOException {
        client.out.flip();
        channel.write(client.out);
        client.out.compact();
        boolean pending = client.out.position() > 0;
        if (!pending && client.closeWhenFlushed) {
            channel.close();
            return;
        }
        key.interestOps(pending ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private static int headEnd(ByteBuffer in) {
        byte[] bytes = in.array();
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void closeAll(boolean reset) {
        List<SocketChannel> open;
        synchronized (clients) {
            open = new ArrayList<>(clients);
        }
        for (SocketChannel channel : open) {
            try {
                if (reset && channel.isOpen()) {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                }
                channel.close();
            } catch (IOException e) {
                // closing for good: nothing to do
            }
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            // closing for good
        }
    }
}
