package io.execbench.server;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Model {@code eventLoop}: Node's main thread. One thread, one selector, doing everything: accept, read, parse, run
 * the handler (the heavy kernel too) and write. Nothing is handed off, so nothing is paid for a hand-off, and a cheap
 * request costs microseconds; but while one heavy request computes, every other connection waits, cheap or not.
 *
 * <p>Expect: the best cheap-route latency of all models while only cheap requests come; with heavy requests mixed in,
 * the cheap route's tail latency grows to the heavy request's time (about 10 ms as the driver sizes it) and the loop
 * lag histogram shows the same number: the loop is blocked, and lag is how one sees it from inside. Throughput of the
 * heavy route is one core's, whatever the machine.
 */
final class EventLoopServer implements RunningServer {

    private final EventLoop loop;
    private final int port;

    private EventLoopServer(EventLoop loop, int port) {
        this.loop = loop;
        this.port = port;
    }

    /** Starts the loop on {@code server} (bound; owned from now on). */
    static EventLoopServer start(ServerSocketChannel server, Handler handler, ServerConfig config)
            throws IOException {
        int port = Servers.portOf(server);
        return new EventLoopServer(new EventLoop(server, handler, null, config), port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public List<Long> pids() {
        return List.of(ProcessHandle.current().pid());
    }

    @Override
    public Optional<Histogram> loopLagNs() {
        return Optional.of(loop.lag().snapshot());
    }

    @Override
    public void close() {
        loop.stop();
    }
}
