package io.execbench.server;

import io.execbench.child.ChildJvm;
import io.execbench.workload.UserWorkload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The parent's handle on one {@link ServerMain} child: starts it through {@link ChildJvm} (its stdin the lifeline),
 * reads its protocol lines from stdout on a thread of its own, and passes its stderr on to this JVM's stderr,
 * keeping the last lines to quote when it fails.
 */
final class ServerChild {

    private static final int TAIL_LINES = 5;
    /** Put on the lag queue when stdout ends: no reply will come. */
    private static final String ENDED = "";

    private final String label;
    private final Process process;
    private final OutputStream stdin;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    private final BlockingQueue<String> lagReplies = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private ServerChild(String label, Process process) {
        this.label = label;
        this.process = process;
        this.stdin = process.getOutputStream();
        readLines(process.getInputStream(), "stdout", this::onProtocolLine);
        readLines(process.getErrorStream(), "stderr", this::onStderrLine);
    }

    /** Starts child {@code index} serving {@code config} on {@code port} (0: it picks one). */
    static ServerChild start(ServerConfig config, int port, int index) throws IOException {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED")); // pinning via FFM
        UserWorkload.configured().ifPresent(workload -> options.addAll(workload.jvmOptions()));
        List<String> argv = ChildJvm.argv(options, ServerMain.class.getName(), ServerMain.arguments(config, port));
        try {
            Process process = ChildJvm.start(new ProcessBuilder(argv));
            return new ServerChild("server child " + index + " (pid " + process.pid() + ")", process);
        } catch (IOException e) {
            throw new IOException("server child " + index + ": cannot start " + argv.getFirst() + ": "
                    + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the child listens; its port. */
    int awaitReady(long timeoutMs) throws IOException {
        try {
            return ready.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(label + " not ready after " + timeoutMs + " ms" + tail());
        } catch (ExecutionException e) {
            throw new IOException(label + " " + e.getCause().getMessage() + tail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(label + ": interrupted while waiting for it to listen");
        }
    }

    /** Sends one command line; a child that is gone is not an error here (its reply will just not come). */
    void send(String command) {
        try {
            stdin.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException e) {
            // the child is gone: awaitLag says so
        }
    }

    /** Forgets replies nobody waited for (a previous wait timed out). */
    void clearReplies() {
        lagReplies.clear();
    }

    /** The next lag histogram the child sends, or empty if it ended or stays silent for {@code timeoutMs}. */
    Optional<Histogram> awaitLag(long timeoutMs) {
        try {
            String reply = lagReplies.poll(timeoutMs, TimeUnit.MILLISECONDS);
            if (reply == null || reply == ENDED) {
                lagReplies.offer(ENDED); // stays ended for later calls
                return Optional.empty();
            }
            return Optional.of(LoopLag.decode(reply));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Closes the lifeline, waits up to {@code graceMs} for the exit, kills it after; whether it left by itself. */
    boolean stop(long graceMs) {
        return ChildJvm.stop(process, stdin, graceMs);
    }

    String label() {
        return label;
    }

    private void onProtocolLine(String line) {
        if (line == null) {
            lagReplies.offer(ENDED);
            ready.completeExceptionally(new IOException("exited before it was ready"
                    + (process.isAlive() ? "" : ", code " + exitCode())));
        } else if (line.startsWith(ServerMain.READY)) {
            ready.complete(Integer.parseInt(line.substring(ServerMain.READY.length()).strip()));
        } else if (line.startsWith(ServerMain.LAG)) {
            lagReplies.offer(line.substring(ServerMain.LAG.length()).strip());
        } else {
            onStderrLine(line); // not protocol: show it, do not act on it
        }
    }

    private int exitCode() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void onStderrLine(String line) {
        if (line == null) {
            return;
        }
        System.err.println("[" + label + "] " + line);
        synchronized (stderrTail) {
            stderrTail.addLast(line);
            if (stderrTail.size() > TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
    }

    private String tail() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; its stderr ends: " + String.join(" | ", stderrTail);
        }
    }

    /** Reads {@code stream} line by line on a daemon thread; null to {@code sink} at its end. */
    private void readLines(InputStream stream, String name, Consumer<String> sink) {
        Thread.ofPlatform().daemon().name("execbench-server-child-" + process.pid() + "-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream,
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the child is gone; its end is reported below
            }
            sink.accept(null);
        });
    }
}
