package io.execbench.worker;

import io.execbench.child.ChildJvm;
import io.execbench.files.QuietFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one worker JVM: start it, send tasks, read replies, and when anything goes wrong, say
 * exactly what (which worker, which pid, why, its exit code, the tail of its stderr).
 *
 * <p>Not thread-safe: one thread drives a worker. The worker's stderr goes to a temporary file (read only after a
 * failure), so a chatty worker can never block on a full stderr pipe. The file is unlinked as soon as the worker
 * holds it open and is read through a channel opened before: nothing is left in the temp folder even when this
 * JVM is killed with kill -9.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final int STDERR_TAIL_BYTES = 2048;
    private static final long EXIT_WAIT_MS = 1000;

    private final String label;
    private final Process process;
    /** The child's stdin: the task channel over pipes, only the lifeline when tasks go over a socket. */
    private final OutputStream lifeline;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final FileChannel stderr;
    private final Watchdog watchdog;
    private final long replyTimeoutNs; // read once: the timed path adds it to System.nanoTime(), nothing more
    private int nextSequence;
    private int nextReply;
    private boolean healthy = true;
    /**
     * When the watchdog kills this worker (System.nanoTime), or 0 when the parent is not waiting on it: the start-up
     * timeout from launch to the hello, then the reply timeout while the parent is blocked sending to it or reading
     * its next reply. Armed only while the parent waits on this very worker: a healthy worker whose reply sits unread
     * while the parent waits on a sibling that hangs or dies must not be blamed for that wait (with the deadline armed
     * at the send, a hung worker's timeout killed its healthy sibling in the same batch).
     */
    private volatile long dueByNs;
    /** What the worker failed to deliver in time, for the message; null unless the watchdog killed it. */
    private volatile String hungReason;
    private volatile boolean helloRead;

    private WorkerProcess(String label, Process process, FileChannel stderr, Watchdog watchdog, InputStream tasksIn,
                          OutputStream tasksOut) {
        this.label = label;
        this.process = process;
        this.stderr = stderr;
        this.watchdog = watchdog;
        this.replyTimeoutNs = watchdog.timeouts().reply().toNanos();
        this.lifeline = process.getOutputStream();
        this.out = new DataOutputStream(new BufferedOutputStream(tasksOut, 4096));
        this.in = new DataInputStream(new BufferedInputStream(tasksIn, 4096));
    }

    /**
     * Starts a worker without waiting for it; call {@link #awaitHello()} before sending. Starting several and then
     * awaiting them lets their JVM start-ups overlap. Tasks and replies go over the worker's stdin and stdout.
     */
    public static WorkerProcess launch(WorkerCommand command, String label, Watchdog watchdog) {
        return launch(command, label, watchdog, null);
    }

    /**
     * Starts a worker that speaks over a Unix domain socket at {@code socket} (a path that does not exist yet, in a
     * folder of the caller's): this JVM listens there, the worker connects back ({@code --socket=}), and its stdin is
     * only its lifeline. Returns once the worker has connected; call {@link #awaitHello()} next.
     */
    public static WorkerProcess launchOverSocket(WorkerCommand command, String label, Watchdog watchdog,
                                                 Path socket) {
        return launch(command, label, watchdog, socket);
    }

    private static WorkerProcess launch(WorkerCommand command, String label, Watchdog watchdog, Path socket) {
        Path stderrFile = null;
        FileChannel stderr = null;
        ServerSocketChannel server = null;
        Process process = null;
        try {
            stderrFile = Files.createTempFile("execbench-worker-", ".stderr");
            stderr = FileChannel.open(stderrFile, StandardOpenOption.READ);
            WorkerCommand launched = command;
            if (socket != null) {
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
                List<String> arguments = new ArrayList<>(command.arguments());
                arguments.add(WorkerMain.SOCKET_OPTION + socket);
                launched = new WorkerCommand(command.jvmOptions(), command.classPath(), command.mainClass(), arguments);
            }
            process = ChildJvm.start(new ProcessBuilder(launched.argv()).redirectError(stderrFile.toFile()));
            QuietFiles.deleteQuietly(stderrFile); // both ends hold it open; the name is no longer needed
            WorkerProcess worker = socket == null
                    ? new WorkerProcess(label, process, stderr, watchdog, process.getInputStream(),
                            process.getOutputStream())
                    : accept(label, process, stderr, watchdog, server);
            // The hello is owed from now on, within the start-up timeout: a JVM start, not a reply.
            worker.dueByNs = System.nanoTime() + watchdog.timeouts().startup().toNanos();
            watchdog.watch(worker);
            return worker;
        } catch (IOException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            QuietFiles.deleteQuietly(stderrFile);
            closeQuietly(stderr);
            throw new UncheckedIOException(label + ": cannot start " + command.argv() + (socket == null ? ""
                    : " over " + socket) + ": " + e.getMessage(), e);
        } finally {
            if (server != null) {
                closeQuietly(server);
                QuietFiles.deleteQuietly(socket);
            }
        }
    }

    /**
     * Waits for the worker to connect. A worker that dies first, or is killed for taking longer than the start-up
     * timeout, closes the listening socket, which ends the wait with an exception instead of blocking for ever.
     */
    private static WorkerProcess accept(String label, Process process, FileChannel stderr, Watchdog watchdog,
                                        ServerSocketChannel server) throws IOException {
        ServerSocketChannel listening = server;
        process.onExit().thenRun(() -> closeQuietly(listening));
        long deadlineMs = watchdog.timeouts().startup().toMillis();
        Thread timer = Thread.ofVirtual().unstarted(() -> {
            try {
                Thread.sleep(deadlineMs);
                process.destroyForcibly();
            } catch (InterruptedException e) {
                // connected in time
            }
        });
        timer.start();
        try {
            SocketChannel channel = server.accept();
            return new WorkerProcess(label, process, stderr, watchdog, Channels.newInputStream(channel),
                    Channels.newOutputStream(channel));
        } finally {
            timer.interrupt();
        }
    }

    /** Waits for the worker's hello frame: after it, the worker is up and reading tasks. */
    public WorkerProcess awaitHello() {
        try {
            long helloPid = WorkerProtocol.readHello(in);
            if (helloPid != process.pid()) {
                throw new WorkerProtocol.GarbageException("hello from pid " + helloPid);
            }
            helloRead = true;
            dueByNs = 0;
            return this;
        } catch (IOException e) {
            throw failure("sent no valid hello", e);
        }
    }

    public String label() {
        return label;
    }

    public long pid() {
        return process.pid();
    }

    /** False once the worker exited, hung or spoke garbage: it must be replaced. */
    public boolean healthy() {
        return healthy && process.isAlive();
    }

    /** Queues one task; it leaves on {@link #flush()}. */
    public void send(byte kernel, int workUnits, long seed) {
        dueByNs = replyDeadline(); // a full buffer is written out here, and a full pipe blocks
        try {
            WorkerProtocol.writeTask(out, nextSequence++, kernel, workUnits, seed);
        } catch (IOException e) {
            throw failure("could not be sent a task", e);
        } finally {
            dueByNs = 0;
        }
    }

    public void flush() {
        dueByNs = replyDeadline();
        try {
            out.flush();
        } catch (IOException e) {
            throw failure("could not be sent a task", e);
        } finally {
            dueByNs = 0;
        }
    }

    /** The checksum of the oldest task not yet answered. */
    public long receive() {
        WorkerProtocol.Reply reply;
        dueByNs = replyDeadline();
        try {
            reply = WorkerProtocol.readReply(in, nextReply);
        } catch (IOException e) {
            throw failure(e instanceof WorkerProtocol.GarbageException ? "answered garbage" : "stopped answering", e);
        } finally {
            dueByNs = 0;
        }
        nextReply++;
        if (reply.failed()) {
            // The worker itself is fine (it answered in order); the task failed there, so this benchmark fails.
            throw new WorkerFailedException(describe() + ": task " + reply.sequence() + " failed there: "
                    + reply.failure(), null);
        }
        return reply.checksum();
    }

    /** One task there and back. */
    public long call(byte kernel, int workUnits, long seed) {
        send(kernel, workUnits, seed);
        flush();
        return receive();
    }

    private long replyDeadline() {
        return System.nanoTime() + replyTimeoutNs;
    }

    /** Called by the watchdog: kills the worker if what it owes was due before {@code nowNs}. */
    void killIfOverdue(long nowNs) {
        long due = dueByNs;
        if (due != 0 && nowNs - due > 0 && process.isAlive()) {
            hungReason = helloRead
                    ? "no reply within " + watchdog.timeouts().reply().toMillis() + " ms"
                    : "no hello within " + watchdog.timeouts().startup().toMillis() + " ms of its start";
            process.destroyForcibly();
        }
    }

    /** Closes stdin, which tells the worker to exit, and waits for it briefly; kills it if it lingers. */
    @Override
    public void close() {
        close(EXIT_WAIT_MS);
    }

    /** As {@link #close()}, waiting up to {@code exitWaitMs} (a JVM writing a CDS or AOT archive takes seconds). */
    public void close(long exitWaitMs) {
        watchdog.forget(this);
        try {
            closeQuietly(out); // over a socket the worker leaves at its end, as it does at the end of a pipe
            ChildJvm.stop(process, lifeline, exitWaitMs);
        } finally {
            closeQuietly(in);
            closeQuietly(stderr);
        }
    }

    /** Kills the worker at once (shutdown hook, failures). */
    public void destroy() {
        watchdog.forget(this);
        process.destroyForcibly();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // Nothing more to read from a closed worker.
        }
    }

    private WorkerFailedException failure(String what, IOException cause) {
        healthy = false;
        String hung = hungReason;
        String reason = hung != null ? "hung: " + hung + ", killed" : what + " (" + describeCause(cause) + ")";
        if (hung == null && cause instanceof WorkerProtocol.GarbageException) {
            process.destroyForcibly(); // it may still be running, but it can no longer be understood
        }
        return new WorkerFailedException(describe() + " " + reason + "; " + exitStatus() + "; stderr tail: "
                + stderrTail(), cause);
    }

    private String describe() {
        return label + " (pid " + process.pid() + ")";
    }

    private static String describeCause(IOException cause) {
        return cause instanceof EOFException ? "end of its stdout" : cause.getMessage();
    }

    private String exitStatus() {
        try {
            if (process.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return "exit code " + process.exitValue();
            }
            process.destroyForcibly();
            return "still running after " + EXIT_WAIT_MS + " ms, killed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "exit code unknown (interrupted)";
        }
    }

    /** The last lines of the worker's stderr, or a note that it wrote none. */
    String stderrTail() {
        try {
            long length = stderr.size();
            if (length == 0) {
                return "(empty)";
            }
            int count = (int) Math.min(length, STDERR_TAIL_BYTES);
            ByteBuffer tail = ByteBuffer.allocate(count);
            while (tail.hasRemaining() && stderr.read(tail, length - count + tail.position()) >= 0) {
                // positional reads until the tail is in
            }
            List<String> lines = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8)
                    .strip().lines().toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
