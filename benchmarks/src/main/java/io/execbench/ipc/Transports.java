package io.execbench.ipc;

import io.execbench.warmup.CompileTime;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens a {@link Transport} by name: the one place that knows how each mechanism is set up.
 *
 * <ul>
 *   <li>{@code threads}: a peer thread in this JVM over two shared-memory rings in an off-heap segment; the same
 *       protocol and waiting as {@code shm}, without the process boundary: the in-process floor.</li>
 *   <li>{@code pipe}: the child's stdin and stdout.</li>
 *   <li>{@code uds}: a Unix domain stream socket; its file is unlinked as soon as the child has connected.</li>
 *   <li>{@code tcp}: a loopback TCP connection with TCP_NODELAY on both ends (an ephemeral port).</li>
 *   <li>{@code shm}: two rings in a file under /dev/shm mapped by both JVMs; the file is unlinked as soon as the
 *       child has mapped it, so only the two mappings keep it alive and nothing is left if either side dies.</li>
 * </ul>
 * Each set-up wait (child start, connect, map, the first round trip) is bounded by {@link #STARTUP_TIMEOUT_MS}, not
 * by the call timeout: a JVM start on a busy machine takes seconds, a stalled call should not. A child that dies during
 * set-up is reported with its exit code and output.
 */
public final class Transports {

    /** Every transport, in the order reports list them. */
    public static final List<String> NAMES = List.of("threads", "pipe", "uds", "tcp", "shm");
    /** How long one call may wait without progress before the transport gives up, unless told otherwise. */
    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    /** How long set-up may take: the peer JVM's start, connect or map, and the first round trip. */
    public static final long STARTUP_TIMEOUT_MS = 60_000;
    /** Bytes of each direction's ring (threads, shm): a 16 MiB message streams through in four laps. */
    static final long RING_CAPACITY_BYTES = 4 << 20;

    private Transports() {
    }

    /**
     * The JIT time so far of every JVM {@code link} runs in: this one, plus the peer's when it is another process
     * (asked with {@link Frame#COMPILE_TIME}); -1 when either does not say.
     */
    public static long compileMillis(Transport link) {
        long ours = CompileTime.millis();
        if (link.name().equals("threads")) {
            return ours;
        }
        link.call(Frame.COMPILE_TIME, 0);
        long theirs = link.reply().getLong(0);
        return ours < 0 || theirs < 0 ? -1 : ours + theirs;
    }

    public static Transport open(String name, int maxPayloadBytes) {
        return open(name, maxPayloadBytes, DEFAULT_TIMEOUT_MS);
    }

    /**
     * @param timeoutMs how long a call may wait without progress
     * @throws IllegalArgumentException for an unknown name
     * @throws IpcException when the peer cannot be started or connected
     */
    public static Transport open(String name, int maxPayloadBytes, long timeoutMs) {
        return open(name, maxPayloadBytes, timeoutMs, -1);
    }

    /**
     * @param timeoutMs how long a call may wait without progress
     * @param peerCpu   the CPU the peer's loop pins itself to, or -1 to leave it to the OS
     * @throws IllegalArgumentException for an unknown name
     * @throws IpcException when the peer cannot be started, pinned or connected
     */
    public static Transport open(String name, int maxPayloadBytes, long timeoutMs, int peerCpu) {
        if (maxPayloadBytes < 0 || maxPayloadBytes > Integer.MAX_VALUE - Frame.HEADER_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes + " out of range");
        }
        CallTimeout timeout = new CallTimeout(STARTUP_TIMEOUT_MS, timeoutMs);
        FramedTransport transport = switch (name) {
            case "threads" -> threads(maxPayloadBytes, timeout, peerCpu);
            case "pipe" -> pipe(maxPayloadBytes, timeout, peerCpu);
            case "uds" -> socket(name, maxPayloadBytes, timeout, peerCpu);
            case "tcp" -> socket(name, maxPayloadBytes, timeout, peerCpu);
            case "shm" -> shm(maxPayloadBytes, timeout, peerCpu);
            default -> throw new IllegalArgumentException("unknown transport '" + name + "', expected one of "
                    + NAMES);
        };
        return transport.handshake();
    }

    private static FramedTransport threads(int maxPayloadBytes, CallTimeout timeout, int peerCpu) {
        Arena arena = Arena.ofShared();
        MemorySegment shared = arena.allocate(RingLink.segmentBytes(RING_CAPACITY_BYTES), 4096);
        ThreadPeer peer = new ThreadPeer(new RingLink(shared, RING_CAPACITY_BYTES, false, Liveness.FOREVER),
                maxPayloadBytes, peerCpu);
        Link link = new RingLink(shared, RING_CAPACITY_BYTES, true, FramedTransport.livenessOf(peer, timeout));
        return new FramedTransport("threads", link, peer, null, arena::close, maxPayloadBytes, timeout);
    }

    private static FramedTransport pipe(int maxPayloadBytes, CallTimeout timeout, int peerCpu) {
        PrivateDir dir = PrivateDir.create(false);
        ProcessPeer peer = ProcessPeer.start("pipe", List.of(String.valueOf(maxPayloadBytes)), dir, true, peerCpu);
        Process process = peer.process();
        Link link = new StreamLink(process.getInputStream(), process.getOutputStream());
        return new FramedTransport("pipe", link, peer, dir, () -> { }, maxPayloadBytes, timeout);
    }

    private static FramedTransport socket(String name, int maxPayloadBytes, CallTimeout timeout, int peerCpu) {
        PrivateDir dir = PrivateDir.create(false);
        ProcessPeer peer = null;
        try (ServerSocketChannel server = name.equals("uds")
                ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                : ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            String address;
            if (name.equals("uds")) {
                Path socketFile = dir.resolve("peer.sock");
                server.bind(UnixDomainSocketAddress.of(socketFile), 1);
                address = socketFile.toString();
            } else {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
                address = String.valueOf(((InetSocketAddress) server.getLocalAddress()).getPort());
            }
            peer = ProcessPeer.start(name, List.of(String.valueOf(maxPayloadBytes), address), dir, false, peerCpu);
            SocketChannel channel = accept(name, server, peer);
            if (name.equals("uds")) {
                Files.deleteIfExists(Path.of(address)); // connected: the name is no longer needed
            } else {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            return new FramedTransport(name, new ChannelLink(channel), peer, dir, () -> { }, maxPayloadBytes,
                    timeout);
        } catch (IOException | RuntimeException e) {
            throw setupFailed(name, peer, dir, e);
        }
    }

    private static SocketChannel accept(String name, ServerSocketChannel server, Peer peer) throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MS);
        while (true) {
            SocketChannel channel = server.accept();
            if (channel != null) {
                channel.configureBlocking(true);
                return channel;
            }
            awaitSetup(name, peer, deadline, "connect");
        }
    }

    private static FramedTransport shm(int maxPayloadBytes, CallTimeout timeout, int peerCpu) {
        PrivateDir dir = PrivateDir.create(true);
        Arena arena = Arena.ofShared();
        ProcessPeer peer = null;
        try {
            Path file = dir.resolve("rings.shm");
            long bytes = RingLink.segmentBytes(RING_CAPACITY_BYTES);
            MemorySegment shared;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                shared = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
            }
            shared.fill((byte) 0); // maps every page now (and zeroes both rings' counters)
            peer = ProcessPeer.start("shm", List.of(String.valueOf(maxPayloadBytes), file.toString(),
                    String.valueOf(RING_CAPACITY_BYTES)), dir, false, peerCpu);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MS);
            while (!RingLink.isReady(shared)) {
                awaitSetup("shm", peer, deadline, "map the shared file");
            }
            Files.delete(file); // both sides have it mapped: nothing on disk can outlive them now
            Link link = new RingLink(shared, RING_CAPACITY_BYTES, true, FramedTransport.livenessOf(peer, timeout));
            return new FramedTransport("shm", link, peer, dir, arena::close, maxPayloadBytes, timeout);
        } catch (IOException | RuntimeException e) {
            IpcException failure = setupFailed("shm", peer, dir, e);
            arena.close();
            throw failure;
        }
    }

    private static void awaitSetup(String name, Peer peer, long deadlineNs, String what) {
        if (!peer.isAlive()) {
            throw new IpcException(name + ": the peer died before it could " + what + "; " + peer.describe());
        }
        if (System.nanoTime() - deadlineNs > 0) {
            throw new IpcException(name + ": the peer did not " + what + " within " + STARTUP_TIMEOUT_MS + " ms");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }

    private static IpcException setupFailed(String name, ProcessPeer peer, PrivateDir dir, Exception e) {
        if (peer != null) {
            peer.kill();
            peer.close(1_000);
        }
        dir.delete();
        return e instanceof IpcException ipc ? ipc : new IpcException(name + ": set-up failed: " + e, e);
    }
}
