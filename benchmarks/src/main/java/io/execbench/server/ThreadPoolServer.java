package io.execbench.server;

import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

/**
 * Model {@code threadPool}: the classic blocking server (Tomcat's old BIO connector). An acceptor thread hands each
 * connection to a fixed pool of platform threads; a thread owns its connection, blocking in read and write, until
 * the connection ends. Heavy and cheap requests run on that thread, so the OS scheduler, not a loop, shares the
 * CPUs among them.
 *
 * <p>Expect: a cheap request is not stuck behind a heavy one on another connection as long as a thread is free;
 * but a keep-alive connection holds its thread even while idle, so with more open connections than threads the rest
 * wait in the pool's queue until one closes or its idle timeout ends it: wrk with 100 connections on a pool of 4
 * serves 4 and starves 96. Latency tails then come from queueing for a thread. No loop, so no loop lag.
 */
final class ThreadPoolServer implements RunningServer {

    private final BlockingServer server;

    private ThreadPoolServer(BlockingServer server) {
        this.server = server;
    }

    /** Starts serving on {@code socket} (bound; owned from now on) with {@code poolSize} threads. */
    static ThreadPoolServer start(ServerSocket socket, Handler handler, ServerConfig config) {
        return new ThreadPoolServer(new BlockingServer(socket, handler, Executors.newFixedThreadPool(
                config.poolSize(), Pinning.threads("execbench-server-pool", config.cpus())), config));
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public List<Long> pids() {
        return List.of(ProcessHandle.current().pid());
    }

    @Override
    public Optional<Histogram> loopLagNs() {
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop();
    }
}
