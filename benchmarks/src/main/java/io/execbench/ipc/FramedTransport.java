package io.execbench.ipc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The client side of every transport: {@link Frame}s over a {@link Link} to a {@link Peer}. Framing, validation,
 * timeouts and clean-up live here once; the transports differ only in the link and how the peer is started.
 *
 * <p>Timeouts without a clock in the fast path. A shared-memory link times its own waits ({@link Backoff}). A link
 * that blocks in the kernel gets a watchdog thread: each call bumps {@code calls} to an odd value on entry and an
 * even one on exit (opaque stores, plain on x86); the watchdog looks every {@link #WATCH_PERIOD_MS} and, if the
 * same odd value stays for longer than the timeout, kills the peer, which ends the blocked read with an end of
 * stream. So a call costs no {@code System.nanoTime()}, and a hang costs at most timeout + one watch period.
 *
 * <p>Until {@link #handshake()} has made the first round trip, the timeout is the start-up timeout (see
 * {@link CallTimeout}); a slow JVM start is not a stalled peer.
 */
final class FramedTransport implements Transport {

    static final long WATCH_PERIOD_MS = 50;
    private static final VarHandle CALLS;

    static {
        try {
            CALLS = MethodHandles.lookup().findVarHandle(FramedTransport.class, "calls", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Link link;
    private final Peer peer;
    private final PrivateDir dir;
    private final Runnable release;
    private final int maxPayloadBytes;
    private final CallTimeout timeout;
    private final ByteBuffer requestFrame;
    private final ByteBuffer replyFrame;
    private final ByteBuffer request;
    private final ByteBuffer reply;
    private final Thread shutdownHook;
    private final Thread watchdog;
    @SuppressWarnings("unused") // through CALLS
    private long calls;
    private volatile boolean timedOut;
    private volatile boolean closed;
    private IpcException broken;

    /**
     * @param release frees what the link maps or holds beyond itself (an arena), after the peer has ended
     */
    FramedTransport(String name, Link link, Peer peer, PrivateDir dir, Runnable release, int maxPayloadBytes,
                    CallTimeout timeout) {
        this.name = name;
        this.link = link;
        this.peer = peer;
        this.dir = dir;
        this.release = release;
        this.maxPayloadBytes = maxPayloadBytes;
        this.timeout = timeout;
        this.requestFrame = link.allocate(Frame.HEADER_BYTES + maxPayloadBytes);
        this.replyFrame = link.allocate(Frame.HEADER_BYTES + maxPayloadBytes);
        this.request = requestFrame.slice(Frame.HEADER_BYTES, maxPayloadBytes);
        this.reply = replyFrame.slice(Frame.HEADER_BYTES, maxPayloadBytes);
        this.shutdownHook = new Thread(this::cleanUp, "execbench-ipc-cleanup-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.watchdog = link.blocksInKernel()
                ? Thread.ofPlatform().daemon().name("execbench-ipc-watchdog-" + name).start(this::watch)
                : null;
    }

    /** The liveness a shared-memory link of this transport checks while it waits. */
    static Liveness livenessOf(Peer peer, CallTimeout timeout) {
        return (waitedNs, done, wanted) -> {
            Liveness.throwIfInterrupted(done, wanted);
            if (!peer.isAlive()) {
                throw new EndOfStream(done, wanted);
            }
            long timeoutMs = timeout.ms();
            if (waitedNs > TimeUnit.MILLISECONDS.toNanos(timeoutMs)) {
                throw new InterruptedIOException("no progress for " + timeoutMs + " ms after " + done + " of "
                        + wanted + " bytes");
            }
        };
    }

    /**
     * The first round trip (an empty echo), under the start-up timeout; after it, calls get the caller's timeout.
     * Closes the transport and says so when the peer does not answer.
     */
    FramedTransport handshake() {
        try {
            call(Frame.ECHO, 0);
        } catch (IpcException e) {
            close();
            String cause = e.getMessage().startsWith(name + ": ") ? e.getMessage().substring(name.length() + 2)
                    : e.getMessage();
            throw new IpcException(name + ": set-up failed: no answer to the first request within the start-up"
                    + " timeout of " + timeout.startupMs() + " ms: " + cause, e);
        }
        timeout.settle();
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    @Override
    public ByteBuffer request() {
        return request;
    }

    @Override
    public ByteBuffer reply() {
        return reply;
    }

    @Override
    public long peerPid() {
        return peer.pid();
    }

    @Override
    public Path privateDir() {
        return dir == null ? null : dir.path();
    }

    @Override
    public int call(int op, int requestBytes) {
        checkUsable(requestBytes);
        String stage = "writing the request";
        enter();
        try {
            writeFrame(op, requestBytes);
            stage = "reading the reply header";
            link.readFully(replyFrame, 0, Frame.HEADER_BYTES);
            int length = replyFrame.getInt(4);
            if (length < 0 || length > maxPayloadBytes) {
                throw fail("reading the reply header", "the reply frame announces "
                        + Integer.toUnsignedString(length) + " payload bytes, more than the maximum "
                        + maxPayloadBytes + " (corrupt stream or misbehaving peer)", null);
            }
            stage = "reading the reply payload";
            link.readFully(replyFrame, Frame.HEADER_BYTES, length);
            return length;
        } catch (IOException e) {
            throw fail(stage, e);
        } finally {
            leave();
        }
    }

    @Override
    public void send(int op, int requestBytes) {
        checkUsable(requestBytes);
        enter();
        try {
            writeFrame(op, requestBytes);
        } catch (IOException e) {
            throw fail("writing the request", e);
        } finally {
            leave();
        }
    }

    /** For the fault tests: sends a bare header announcing {@code announcedBytes}, and no payload. */
    void sendHeaderOnly(int op, int announcedBytes) {
        enter();
        try {
            requestFrame.putInt(0, op).putInt(4, announcedBytes);
            link.write(requestFrame, 0, Frame.HEADER_BYTES);
            link.flush();
        } catch (IOException e) {
            throw fail("writing a bare header", e);
        } finally {
            leave();
        }
    }

    private void writeFrame(int op, int requestBytes) throws IOException {
        requestFrame.putInt(0, op).putInt(4, requestBytes);
        link.write(requestFrame, 0, Frame.HEADER_BYTES + requestBytes); // header and payload in one write
        link.flush();
    }

    private void checkUsable(int requestBytes) {
        if (broken != null) {
            throw new IpcException(name + ": transport is broken by an earlier failure: " + broken.getMessage(),
                    broken);
        }
        if (closed) {
            throw new IpcException(name + ": transport is closed");
        }
        if (requestBytes < 0 || requestBytes > maxPayloadBytes) {
            throw new IllegalArgumentException(name + ": request of " + requestBytes + " bytes, maximum "
                    + maxPayloadBytes);
        }
    }

    private void enter() {
        CALLS.setOpaque(this, (long) CALLS.getOpaque(this) + 1); // odd: in a call
    }

    private void leave() {
        CALLS.setOpaque(this, (long) CALLS.getOpaque(this) + 1); // even: idle
    }

    private IpcException fail(String stage, IOException cause) {
        String what = timedOut
                ? "no progress within " + timeout.ms() + " ms (a truncated frame or a stalled peer), peer killed; "
                        + cause.getMessage()
                : cause.getMessage();
        return fail(stage, what, cause);
    }

    /** Marks the transport broken, ends the peer (the stream is out of step for good), and says why. */
    private IpcException fail(String stage, String what, Throwable cause) {
        peer.kill();
        broken = new IpcException(name + ": " + stage + ": " + what + "; " + peer.describe(), cause);
        return broken;
    }

    private void watch() {
        long seen = -1;
        long stuckPeriods = 0;
        while (!closed) {
            try {
                Thread.sleep(WATCH_PERIOD_MS);
            } catch (InterruptedException e) {
                return; // close() interrupts the watchdog
            }
            long now = (long) CALLS.getOpaque(this);
            if ((now & 1) == 1 && now == seen) {
                long timeoutPeriods = Math.max(1, (timeout.ms() + WATCH_PERIOD_MS - 1) / WATCH_PERIOD_MS);
                if (++stuckPeriods >= timeoutPeriods) {
                    timedOut = true;
                    peer.kill();
                    return;
                }
            } else {
                seen = now;
                stuckPeriods = 0;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (broken == null) {
            try {
                sendHeaderOnly(Frame.BYE, 0);
            } catch (IpcException e) {
                // The peer is gone already; clean-up below still runs.
            }
        }
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook runs cleanUp, which is idempotent.
        }
    }

    private synchronized void cleanUp() {
        closed = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        try {
            link.close();
        } catch (IOException e) {
            // Closing a channel whose peer is gone may complain; nothing is leaked.
        }
        peer.close(2_000);
        release.run();
        if (dir != null) {
            dir.delete();
        }
    }
}
