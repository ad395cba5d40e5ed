package io.execbench.ipc;

import io.execbench.child.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EchoPeer} child JVM, started and stopped by {@link ChildJvm} (this JVM's JDK and class path, stdin as
 * its lifeline).
 * Its stderr (and stdout, unless stdout carries data) goes to a log file in the transport's private folder, so a
 * failure message can quote it and a chatty child can never block on a full pipe.
 */
final class ProcessPeer implements Peer {

    private static final int STDERR_TAIL_LINES = 5;

    private final Process process;
    private final Path log;

    private ProcessPeer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code EchoPeer transport peerArgs...}.
     *
     * @param peerCpu      the CPU the peer's loop pins itself to, or -1
     * @param stdoutIsData true for the pipe transport (stdin and stdout carry frames); otherwise stdin is only the
     *                     child's lifeline and stdout joins stderr in the log
     */
    static ProcessPeer start(String transport, List<String> peerArgs, PrivateDir dir, boolean stdoutIsData,
                             int peerCpu) {
        // A small serial-GC heap: the peer allocates only its two frame buffers (and parsed JSON); fewer GC
        // threads competing for this machine's few CPUs.
        List<String> options = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-XX:MaxDirectMemorySize=512m",
                "--enable-native-access=ALL-UNNAMED", // futex through FFM, without a warning
                "-D" + EchoPeer.PRIVATE_DIR_PROPERTY + "=" + dir.path(), "-D" + EchoPeer.CPU_PROPERTY + "=" + peerCpu);
        List<String> arguments = new ArrayList<>(List.of(transport));
        arguments.addAll(peerArgs);
        List<String> command = ChildJvm.argv(options, EchoPeer.class.getName(), arguments);
        Path log = dir.resolve("peer.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (!stdoutIsData) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        try {
            return new ProcessPeer(ChildJvm.start(builder), log);
        } catch (IOException e) {
            throw new IpcException(transport + ": cannot start the peer JVM " + command.getFirst() + ": " + e, e);
        }
    }

    Process process() {
        return process;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public String describe() {
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                return "peer process " + process.pid() + " is alive";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "peer process " + process.pid() + ": interrupted while waiting for its exit";
        }
        return "peer process " + process.pid() + " exited with code " + process.exitValue() + stderrTail();
    }

    private String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "";
            }
            return "; its output ends: " + String.join(" | ",
                    lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    @Override
    public void close(long graceMs) {
        // The pipe link may have closed stdin already: closing it twice is harmless.
        ChildJvm.stop(process, process.getOutputStream(), graceMs);
    }

    @Override
    public long pid() {
        return process.pid();
    }
}
