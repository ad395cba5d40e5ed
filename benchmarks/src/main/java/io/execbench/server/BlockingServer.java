package io.execbench.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What both blocking models share: an acceptor thread that hands each accepted socket to an executor, which runs
 * {@link BlockingConnection#serve} for it until the connection ends. The executor is the model: a fixed pool of
 * platform threads, or a virtual thread per connection.
 *
 * <p>Timeouts: blocking reads end after the idle limit ({@code SO_TIMEOUT}); Java has no socket option for a blocking
 * write, so a watch thread closes any socket whose write has been blocked longer than the same limit (a client that
 * stopped reading), which ends that write with an exception and frees its thread.
 */
final class BlockingServer {

    private static final long WATCH_PERIOD_MS = 100;
    private static final long STOP_WAIT_MS = 10_000;

    private final ServerSocket server;
    private final Handler handler;
    private final ExecutorService connections;
    private final ServerConfig config;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Sockets inside a write, with the time it began. */
    private final Map<Socket, Long> writingSinceNs = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final Thread writeWatch;

    /** Takes ownership of {@code server} (bound) and {@code connections}, and starts accepting. */
    BlockingServer(ServerSocket server, Handler handler, ExecutorService connections, ServerConfig config) {
        this.server = server;
        this.handler = handler;
        this.connections = connections;
        this.config = config;
        this.acceptor = Thread.ofPlatform().name("execbench-server-acceptor").daemon().start(this::accept);
        this.writeWatch = Thread.ofPlatform().name("execbench-server-write-watch").daemon().start(this::watchWrites);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        Pinning.pinCurrentThread(config.cpus());
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("execbench server: accept failed: " + e);
                }
                continue; // closed: the loop ends; otherwise (out of descriptors) try again
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                close(socket); // stopping
            }
        }
    }

    private void serve(Socket socket) {
        try {
            BlockingConnection.serve(socket, handler, config, writingSinceNs);
        } catch (IOException e) {
            // reset, timed out or closed by the write watch: this connection only
        } finally {
            close(socket);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        writingSinceNs.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closed all the same
        }
    }

    private void watchWrites() {
        long limitNs = TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMs());
        while (!server.isClosed()) {
            try {
                Thread.sleep(WATCH_PERIOD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // only stop() interrupts it
            }
            long now = System.nanoTime();
            writingSinceNs.forEach((socket, since) -> {
                if (now - since > limitNs) {
                    close(socket);
                }
            });
        }
    }

    /** Stops accepting, closes every connection, and waits for their threads. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // closed all the same
        }
        writeWatch.interrupt();
        open.forEach(this::close);
        connections.shutdownNow();
        try {
            acceptor.join(STOP_WAIT_MS);
            // A thread inside a long heavy request finishes it first; the wait is bounded all the same.
            connections.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
