package io.execbench.server;

import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

/**
 * Model {@code virtual}: blocking code, one virtual thread per connection, the JDK's default scheduler (a
 * ForkJoinPool with one carrier per CPU). A read that would block unmounts the virtual thread and parks it on the
 * JDK's poller, so idle keep-alive connections cost a little memory each, not a thread: the thread-pool model's
 * starvation is gone with the same code.
 *
 * <p>Expect: cheap-route latency like {@code threadPool} with enough threads, at any connection count. Heavy requests
 * are CPU-bound and never block, so a virtual thread running one keeps its carrier until done (the scheduler does not
 * preempt): with as many heavy requests in flight as carriers, cheap requests wait for a carrier, as they wait for
 * the loop in {@code eventLoop}, only later. The configured CPUs pin the acceptor only: carriers belong to the JDK
 * ({@code -Djdk.virtualThreadScheduler.parallelism} sizes them). No loop, so no loop lag.
 */
final class VirtualThreadServer implements RunningServer {

    private final BlockingServer server;

    private VirtualThreadServer(BlockingServer server) {
        this.server = server;
    }

    /** Starts serving on {@code socket} (bound; owned from now on), one virtual thread per connection. */
    static VirtualThreadServer start(ServerSocket socket, Handler handler, ServerConfig config) {
        return new VirtualThreadServer(new BlockingServer(socket, handler, Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("execbench-server-virtual-", 0).factory()), config));
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
