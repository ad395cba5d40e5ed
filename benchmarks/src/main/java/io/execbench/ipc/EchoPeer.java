package io.execbench.ipc;

import io.execbench.child.ParentWatch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child JVM of the process transports: connects back to its parent and runs an {@link EchoLoop}.
 *
 * <p>Usage: {@code EchoPeer TRANSPORT MAX_PAYLOAD_BYTES [ADDRESS [RING_CAPACITY_BYTES]]}, where ADDRESS is the
 * Unix socket path (uds), the loopback port (tcp) or the mapped file (shm); pipe needs none.
 *
 * <p>It never outlives its parent: the parent holds the write end of its stdin, and the kernel closes that end
 * when the parent exits, even after {@code kill -9}. For pipe, stdin is the data stream and its end ends the loop;
 * for the others a daemon thread waits for the end of stdin and halts the JVM. A peer that reads no stdin at that
 * moment (busy with a long message, stalled, or blocked writing) is ended by its {@link ParentWatch}.
 *
 * <p>On its way out it deletes the transport's private folder (system property {@value #PRIVATE_DIR_PROPERTY}), so
 * that not even the peer's log is left behind when the parent was killed; on SIGTERM or SIGINT too (a shutdown
 * hook). Only a peer that fails keeps it, for the parent to quote its log.
 *
 * <p>Exit status: 0 after BYE or an end of stream between frames; 2 on a malformed request or a stream that ends
 * inside a frame (the reason is on stderr); 7 when told to die mid-message ({@link Frame#FAULT_DIE_MID_REPLY}).
 */
public final class EchoPeer {

    /** The system property naming the transport's private folder. */
    static final String PRIVATE_DIR_PROPERTY = "execbench.ipc.dir";
    /** The system property naming the CPU the loop pins itself to ({@code -1}: none). */
    static final String CPU_PROPERTY = "execbench.ipc.cpu";
    static final int EXIT_BAD_REQUEST = 2;
    static final int EXIT_TOLD_TO_DIE = 7;

    private EchoPeer() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: EchoPeer TRANSPORT MAX_PAYLOAD_BYTES [ADDRESS [RING_CAPACITY_BYTES]]");
            System.exit(EXIT_BAD_REQUEST);
        }
        String transport = args[0];
        ParentWatch.start(EchoPeer::deletePrivateDir);
        Runtime.getRuntime().addShutdownHook(new Thread(EchoPeer::deletePrivateDir, "execbench-ipc-peer-exit"));
        try {
            int maxPayloadBytes = Integer.parseInt(args[1]);
            // Jackson's classes load while the link is set up, not inside the first JSON call's timeout.
            Thread.ofPlatform().daemon().name("execbench-ipc-preload").start(() -> OrderGraph.ofAbout(256, 1));
            IpcPlacement.pinCurrentThread(Integer.getInteger(CPU_PROPERTY, -1));
            Link link = connect(transport, args);
            new EchoLoop(link, maxPayloadBytes, DEATH).run();
            link.close();
            deletePrivateDir();
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("execbench ipc peer (" + transport + "): " + e);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_BAD_REQUEST);
        }
    }

    private static Link connect(String transport, String[] args) throws IOException {
        return switch (transport) {
            case "pipe" -> new StreamLink(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16),
                    new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
            case "uds" -> {
                watchStdin();
                yield new ChannelLink(SocketChannel.open(UnixDomainSocketAddress.of(args[2])));
            }
            case "tcp" -> {
                watchStdin();
                SocketChannel channel = SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[2])));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                yield new ChannelLink(channel);
            }
            case "shm" -> {
                watchStdin();
                yield mapShared(Path.of(args[2]), Long.parseLong(args[3]));
            }
            default -> throw new IllegalArgumentException("unknown transport '" + transport + "'");
        };
    }

    private static Link mapShared(Path file, long ringCapacity) throws IOException {
        MemorySegment shared;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // The mapping outlives the channel; the arena is never closed: the segment lives as long as this JVM.
            shared = channel.map(FileChannel.MapMode.READ_WRITE, 0, RingLink.segmentBytes(ringCapacity),
                    Arena.ofShared());
        }
        long touched = 0;
        for (long page = 0; page < shared.byteSize(); page += 4096) {
            touched += shared.get(ValueLayout.JAVA_BYTE, page); // map every page now, not in the first messages
        }
        if (touched == Long.MIN_VALUE) {
            System.err.print(""); // keeps the loop above from being removed; never true
        }
        RingLink.markReady(shared);
        return new RingLink(shared, ringCapacity, false, Liveness.FOREVER);
    }

    /**
     * The parent deletes the transport's private folder when it closes; if it died instead (kill -9), the folder
     * would stay, so the peer deletes it too on its way out. Whichever comes second finds nothing to delete.
     */
    private static void deletePrivateDir() {
        String dir = System.getProperty(PRIVATE_DIR_PROPERTY);
        if (dir != null) {
            PrivateDir.of(Path.of(dir)).delete();
        }
    }

    /** Halts this JVM when stdin ends, which happens when the parent closes it or dies. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = new FileInputStream(FileDescriptor.in)) {
                byte[] ignored = new byte[64];
                while (in.read(ignored) >= 0) {
                    // The parent never writes here; it only keeps the pipe open while it wants this peer.
                }
            } catch (IOException e) {
                // Same as the end of stdin: the parent is gone.
            }
            deletePrivateDir();
            Runtime.getRuntime().halt(0);
        }, "execbench-ipc-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static final EchoLoop.Death DEATH = new EchoLoop.Death() {
        @Override
        public void die() {
            Runtime.getRuntime().halt(EXIT_TOLD_TO_DIE);
        }

        @Override
        public void stall() {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    };
}
