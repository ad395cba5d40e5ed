package io.execbench.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Model {@code processes}: N server JVMs ({@link ServerMain}), each an {@code eventLoop}, all listening on one port
 * with SO_REUSEPORT, so the kernel spreads incoming connections among them (by a hash of the connection's addresses
 * and ports) and each process runs its own loop with no shared state. It is the analogue of Node's {@code cluster}
 * module, with one difference: Node's cluster by default has a primary process that accepts every connection and
 * hands them round-robin to its workers ({@code SCHED_RR}); SO_REUSEPORT leaves the choice to the kernel, which is
 * what {@code cluster.schedulingPolicy = SCHED_NONE} and most multi-process servers (nginx {@code reuseport}) do.
 * Hash spreading is not balancing: a few long keep-alive connections can land on one process while another idles.
 *
 * <p>The port: child 0 binds port 0 with SO_REUSEPORT and the kernel picks a free one; it reports it on its ready
 * line, and only then are the other children started, binding that port. So the port is held by a listening server
 * from the moment it is chosen, and no other program can take it in between, as it could if the parent chose a port
 * and let it go; and the parent, which serves nothing, never joins the port's group (a parent listening there would
 * receive its share of connections and answer none). The price is one JVM start-up of delay before the others start,
 * outside any measurement. Linux lets only sockets of the same user join a SO_REUSEPORT group.
 *
 * <p>Lag: each child's loop records its own; {@link #loopLagNs()} asks every child for its histogram over its stdin
 * and merges the replies; at {@link #close()} every child sends its final histogram before it exits, so the merged
 * lag stays readable afterwards. Children never outlive this JVM: stdin is their lifeline (see
 * {@link io.execbench.child.ChildJvm}).
 *
 * <p>Expect: heavy throughput scaling with the process count up to the cores, each loop blocked by its own heavy
 * requests as in {@code eventLoop}: a cheap request waits when its connection landed on a busy process, so the cheap
 * route's tail looks like {@code eventLoop}'s at lower load.
 */
final class ProcessesServer implements RunningServer {

    private static final long READY_TIMEOUT_MS = 60_000;
    private static final long LAG_TIMEOUT_MS = 10_000;
    /** A child inside a long heavy request stops only after it. */
    private static final long STOP_TIMEOUT_MS = 15_000;
    private static final long EXIT_GRACE_MS = 5_000;

    private final int port;
    private final List<ServerChild> children;
    private final boolean hasLoop;
    private Histogram finalLag; // set by close()

    private ProcessesServer(int port, List<ServerChild> children, boolean hasLoop) {
        this.port = port;
        this.children = List.copyOf(children);
        this.hasLoop = hasLoop;
    }

    /**
     * {@code config}'s server in child JVMs: N event loops for {@code processes}, otherwise one JVM running that
     * model (so the server never shares a heap, a JIT or a safepoint with the load generator).
     */
    static ProcessesServer start(ServerConfig config) throws IOException {
        String childModel = ServerMain.childModel(config);
        int count = config.model().equals("processes") ? config.processes() : 1;
        List<ServerChild> children = new ArrayList<>();
        try {
            children.add(ServerChild.start(config, 0, 0));
            int port = children.getFirst().awaitReady(READY_TIMEOUT_MS);
            for (int i = 1; i < count; i++) {
                children.add(ServerChild.start(config, port, i)); // all start at once, then all are awaited
            }
            for (ServerChild child : children) {
                int childPort = child.awaitReady(READY_TIMEOUT_MS);
                if (childPort != port) {
                    throw new IOException(child.label() + " listens on port " + childPort + ", not " + port);
                }
            }
            return new ProcessesServer(port, children,
                    childModel.equals("eventLoop") || childModel.equals("loopOffload"));
        } catch (IOException | RuntimeException e) {
            children.forEach(child -> child.stop(0));
            throw e;
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public List<Long> pids() {
        return children.stream().map(ServerChild::pid).toList();
    }

    @Override
    public synchronized Optional<Histogram> loopLagNs() {
        if (!hasLoop) {
            return Optional.empty();
        }
        if (finalLag != null) {
            return Optional.of(finalLag.copy());
        }
        for (ServerChild child : children) {
            child.clearReplies();
            child.send("lag");
        }
        return Optional.of(merge(LAG_TIMEOUT_MS));
    }

    @Override
    public synchronized void close() {
        if (finalLag != null) {
            return;
        }
        children.forEach(child -> child.send("stop"));
        finalLag = merge(STOP_TIMEOUT_MS);
        children.forEach(child -> child.stop(EXIT_GRACE_MS));
    }

    /** One reply from each child, merged; a child that sends none is named on stderr and left out. */
    private Histogram merge(long timeoutMs) {
        Histogram merged = new Histogram(3);
        for (ServerChild child : children) {
            Optional<Histogram> lag = child.awaitLag(timeoutMs);
            if (lag.isPresent()) {
                merged.add(lag.get());
            } else {
                System.err.println("execbench server: " + child.label() + " sent no loop lag; left out");
            }
        }
        return merged;
    }
}
