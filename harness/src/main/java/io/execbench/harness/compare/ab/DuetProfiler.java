package io.execbench.harness.compare.ab;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * The fork's half of a duet's iteration barrier ({@link DuetBarrier} is the harness's half): before every iteration,
 * warm-up and measurement alike, it tells the harness it is ready and waits until the harness says go, which it does
 * when the other build's fork is ready too. So the two forks' iterations start together and iteration {@code i} of A
 * runs beside iteration {@code i} of B.
 *
 * <p>Wire format over the Unix domain socket named by {@value #SOCKET_PROPERTY}: the fork sends its side once
 * ({@code 'A'} or {@code 'B'}, from {@value #SIDE_PROPERTY}), then {@code 'R'} before each iteration, and reads one
 * byte: {@code 'G'} to go; anything else, the end of the stream, or no answer within {@value #TIMEOUT_PROPERTY}
 * milliseconds (default {@value #DEFAULT_TIMEOUT_MS}) fails the iteration with one sentence, so a dead partner or a
 * dead harness never hangs this fork.
 *
 * <p>This class is not part of the harness's runtime: the harness copies its class file into a private folder that
 * it puts after each build's own classpath, so that a baseline built from an old commit, which has no such class,
 * runs it too. It therefore uses nothing but the JDK and jmh-core's profiler API, and has no nested classes.
 */
public final class DuetProfiler implements InternalProfiler {

    /** Where the harness listens. */
    public static final String SOCKET_PROPERTY = "execbench.duet.socket";
    /** Which build this fork is: {@code A} or {@code B}. */
    public static final String SIDE_PROPERTY = "execbench.duet.side";
    /** The longest wait at the barrier, in milliseconds. */
    public static final String TIMEOUT_PROPERTY = "execbench.duet.timeoutMs";
    static final long DEFAULT_TIMEOUT_MS = 180_000;
    private static final String CLOSED = "the harness closed the barrier (the other build's fork failed or ended)";

    private final String socket;
    private final String side;
    private final long timeoutMs;
    private SocketChannel channel;
    private Selector selector;

    /**
     * What JMH calls, by reflection, also in its host JVM, which never iterates: it reads the system properties and
     * connects lazily.
     */
    public DuetProfiler() {
        this(System.getProperty(SOCKET_PROPERTY), System.getProperty(SIDE_PROPERTY, ""),
                Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_MS));
    }

    /** For tests: two sides in one JVM. */
    DuetProfiler(String socket, String side, long timeoutMs) {
        this.socket = socket;
        this.side = side;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String getDescription() {
        return "execbench duet barrier: every iteration starts together with the other build's";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        try {
            if (channel == null) {
                connect();
            }
            try {
                channel.write(ByteBuffer.wrap(new byte[] {'R'}));
            } catch (IOException closed) {
                throw new IOException(CLOSED, closed);
            }
            awaitGo(timeoutMs);
        } catch (IOException e) {
            close();
            throw new IllegalStateException("duet barrier at " + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        return List.of();
    }

    /** Leaves the barrier (a fork that ends closes it with the process). */
    void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // leaving anyway: the harness sees the end of the stream
        }
    }

    private void connect() throws IOException {
        if (socket == null || !(side.equals("A") || side.equals("B"))) {
            throw new IOException("the fork was started without -D" + SOCKET_PROPERTY + " and -D" + SIDE_PROPERTY
                    + "=A|B");
        }
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(Path.of(socket)));
        channel.write(ByteBuffer.wrap(new byte[] {(byte) side.charAt(0)}));
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    private void awaitGo(long timeoutMs) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(1);
        long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            int read = channel.read(reply);
            if (read < 0) {
                throw new IOException(CLOSED);
            }
            if (read == 1) {
                if (reply.get(0) != 'G') {
                    throw new IOException("the harness aborted the duet");
                }
                return;
            }
            long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new IOException("no go from the harness within " + timeoutMs + " ms");
            }
            selector.select(leftMs);
            selector.selectedKeys().clear();
        }
    }
}
