package io.execbench.server;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

/**
 * Model {@code loopOffload}: the {@code eventLoop} loop, with heavy requests handed to a fixed pool, as a Node server
 * does with a worker pool (libuv's threadpool, {@code UV_THREADPOOL_SIZE} = 4 by default). The loop parses the heavy
 * request, queues the task, and goes on serving; the pool thread runs the handler and puts the answer on a queue the
 * loop drains after a {@link java.nio.channels.Selector#wakeup()}, and the loop writes it. Cheap requests never leave
 * the loop. A connection whose heavy request is away reads no further request until the answer is back, so pipelined
 * answers stay in order.
 *
 * <p>Expect: the cheap route's latency stays near {@code eventLoop}'s idle figure while heavy requests run (the loop
 * is free), paying instead a hand-off and a wake-up per heavy request (tens of microseconds); heavy throughput scales
 * with the pool up to the cores; loop lag stays small. A pool larger than the cores adds no throughput, only
 * competition for the CPUs with the loop itself, which then shows as lag.
 */
final class LoopOffloadServer implements RunningServer {

    private final EventLoop loop;
    private final int port;

    private LoopOffloadServer(EventLoop loop, int port) {
        this.loop = loop;
        this.port = port;
    }

    /** Starts the loop on {@code server} (bound; owned from now on) with a pool of {@code poolSize} threads. */
    static LoopOffloadServer start(ServerSocketChannel server, Handler handler, ServerConfig config)
            throws IOException {
        int port = Servers.portOf(server);
        ExecutorService pool = Executors.newFixedThreadPool(config.poolSize(),
                Pinning.threads("execbench-server-offload", config.cpus()));
        try {
            return new LoopOffloadServer(new EventLoop(server, handler, pool, config), port);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
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
