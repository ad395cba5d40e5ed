package io.execbench.server;

import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/**
 * Starts a server of one execution model, by name: the one place that knows every model.
 *
 * <pre>{@code
 * try (RunningServer server = Servers.start(ServerConfig.defaults("loopOffload").withHeavyWorkUnits(units))) {
 *     // load http://127.0.0.1:<server.port()>/cheap and /heavy, then read server.loopLagNs()
 * }
 * }</pre>
 */
public final class Servers {

    /** Every model name, in report order. */
    public static final List<String> MODELS = List.of("eventLoop", "loopOffload", "threadPool", "virtual",
            "processes");
    /** The seed {@code GET /heavy} runs its kernel from: a client can check the body against the kernel. */
    public static final long HEAVY_SEED = 42;

    private static final int BACKLOG = 1024;

    private Servers() {
    }

    /**
     * Starts {@code config}'s model on a free port of 127.0.0.1 and returns once it accepts connections.
     *
     * @throws IOException naming the model and the cause when it cannot start (nothing is left running then)
     */
    public static RunningServer start(ServerConfig config) throws IOException {
        try {
            if (config.model().equals("processes")) {
                return ProcessesServer.start(config);
            }
            return startInProcess(config, 0, false);
        } catch (IOException e) {
            throw new IOException(config.model() + " server: cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code config}'s model in JVMs of its own ({@link ServerMain}): N of them for {@code processes}, one for
     * every other model. What an experiment measures, so that the load generator's JVM (its allocation, GC pauses,
     * JIT threads) is never the server's; {@link #start} keeps the thread models in this JVM, for tests.
     *
     * @throws IOException naming the model and the cause when it cannot start (nothing is left running then)
     */
    public static RunningServer startInChildJvm(ServerConfig config) throws IOException {
        try {
            return ProcessesServer.start(config);
        } catch (IOException e) {
            throw new IOException(config.model() + " server: cannot start: " + e.getMessage(), e);
        }
    }

    /** Starts an in-process model on {@code port} (0: any free one), with SO_REUSEPORT when asked (a child). */
    static RunningServer startInProcess(ServerConfig config, int port, boolean reusePort) throws IOException {
        Handler handler = new Handler(kernel(config), config.heavyWorkUnits());
        switch (config.model()) {
            case "eventLoop", "loopOffload" -> {
                ServerSocketChannel channel = bind(port, reusePort);
                try {
                    return config.model().equals("eventLoop") ? EventLoopServer.start(channel, handler, config)
                            : LoopOffloadServer.start(channel, handler, config);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
            case "threadPool", "virtual" -> {
                ServerSocket socket = new ServerSocket();
                try {
                    socket.bind(new InetSocketAddress(loopback(), port), BACKLOG);
                } catch (IOException e) {
                    socket.close();
                    throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
                }
                return config.model().equals("threadPool") ? ThreadPoolServer.start(socket, handler, config)
                        : VirtualThreadServer.start(socket, handler, config);
            }
            default -> throw new IllegalArgumentException("not an in-process model: " + config.model());
        }
    }

    private static Kernel kernel(ServerConfig config) throws IOException {
        try {
            return Kernels.create(config.heavyKernel());
        } catch (RuntimeException e) {
            throw new IOException("cannot create the heavy kernel " + config.heavyKernel() + ": " + e.getMessage(), e);
        }
    }

    /** A listening channel on 127.0.0.1:{@code port}; with SO_REUSEPORT set before the bind when asked. */
    static ServerSocketChannel bind(int port, boolean reusePort) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            if (reusePort) {
                if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new IOException("SO_REUSEPORT is not supported on this platform");
                }
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.bind(new InetSocketAddress(loopback(), port), BACKLOG);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + (reusePort ? " with SO_REUSEPORT" : "")
                    + ": " + e.getMessage(), e);
        }
    }

    static int portOf(ServerSocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** 127.0.0.1 itself, not whatever "localhost" resolves to (it may be ::1 first). */
    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }
}
