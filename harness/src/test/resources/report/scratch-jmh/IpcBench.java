package fixture;

import java.io.IOException;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.file.*;
import java.util.concurrent.*;
import org.openjdk.jmh.annotations.*;

/** Scratch stand-in for execbench's IPC suite: same @Param names, an echo thread in the same JVM. */
@State(Scope.Thread)
public class IpcBench {
    @Param({"threads", "uds", "tcp"}) public String transport;
    @Param({"0", "64", "4096", "65536", "1048576"}) public int payloadBytes;

    ByteBuffer out, in;
    SynchronousQueue<byte[]> there, back; volatile int threadReplyBytes;
    SocketChannel client;
    Thread echo;
    Path socketFile;

    @Setup(Level.Trial)
    public void open() throws Exception {
        out = ByteBuffer.allocateDirect(8 + payloadBytes);
        in = ByteBuffer.allocateDirect(4 + payloadBytes + 1);
        if (transport.equals("threads")) {
            there = new SynchronousQueue<>(); back = new SynchronousQueue<>();
            echo = Thread.ofPlatform().daemon().start(() -> {
                try { while (true) { byte[] m = there.take(); back.put(java.util.Arrays.copyOf(m, threadReplyBytes)); } } catch (InterruptedException e) { }
            });
            return;
        }
        ServerSocketChannel server;
        if (transport.equals("uds")) {
            socketFile = Files.createTempFile("ipc", ".sock"); Files.delete(socketFile);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socketFile));
            client = SocketChannel.open(UnixDomainSocketAddress.of(socketFile));
        } else {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client = SocketChannel.open(server.getLocalAddress());
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        SocketChannel peer = server.accept();
        server.close();
        echo = Thread.ofPlatform().daemon().start(() -> serve(peer));
    }

    static void serve(SocketChannel peer) {
        ByteBuffer header = ByteBuffer.allocate(8);
        ByteBuffer body = ByteBuffer.allocateDirect(1 << 21);
        try {
            while (true) {
                header.clear(); readFully(peer, header); header.flip();
                int n = header.getInt(); int reply = header.getInt();
                body.clear().limit(n); readFully(peer, body);
                body.clear().putInt(reply).position(0).limit(4 + reply);
                while (body.hasRemaining()) peer.write(body);
            }
        } catch (IOException e) { }
    }

    static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) if (ch.read(b) < 0) throw new ClosedChannelException();
    }

    /** Payload there and back. */
    @Benchmark @BenchmarkMode(Mode.SampleTime) @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int roundTrip() throws Exception { return exchange(payloadBytes); }

    /** Payload one way, a one-byte acknowledgement back. */
    @Benchmark @BenchmarkMode(Mode.Throughput) @OutputTimeUnit(TimeUnit.SECONDS)
    public int oneWay() throws Exception { return exchange(1); }

    int exchange(int replyBytes) throws Exception {
        if (transport.equals("threads")) {
            byte[] m = new byte[payloadBytes];
            threadReplyBytes = replyBytes;
            there.put(m);
            return back.take().length;
        }
        out.clear(); out.putInt(payloadBytes).putInt(replyBytes).position(0).limit(8 + payloadBytes);
        while (out.hasRemaining()) client.write(out);
        in.clear().limit(4 + replyBytes); readFully(client, in);
        return in.getInt(0);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (echo != null) echo.interrupt();
        if (client != null) client.close();
        if (socketFile != null) Files.deleteIfExists(socketFile);
    }
}
