package io.execbench.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops this JVM's descendants: the children it started and whatever they started.
 *
 * <p>Gently first: each direct child gets SIGTERM, so a child JVM runs its own shutdown hooks (an IPC transport
 * deletes its private folder, a JMH fork stops its workers through this very class) and its children end before it
 * does. Whoever is still running after the grace period, or was started meanwhile, gets SIGKILL. The tree is
 * snapshotted first because an orphan is adopted by another process and no longer shows as a descendant.
 */
public final class ProcessTree {

    /** How long the exit hook lets children clean up before killing them. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MS = 20;
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ProcessTree() {
    }

    /** Installs (once per JVM) a shutdown hook that {@linkplain #stop stops} every descendant. */
    public static void stopOnExit() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(EXIT_GRACE), "execbench-stop-children"));
        }
    }

    /**
     * SIGTERM to every direct child, up to {@code grace} for the whole tree to end, SIGKILL to the rest; returns once
     * every process of the tree has ended (or a further few seconds have passed).
     *
     * @return the descendants that had to be killed, for a message
     */
    public static List<ProcessHandle> stop(Duration grace) {
        ProcessHandle self = ProcessHandle.current();
        Set<ProcessHandle> tree = new LinkedHashSet<>(self.descendants().toList());
        if (tree.isEmpty()) {
            return List.of();
        }
        self.children().forEach(ProcessHandle::destroy);
        awaitEnd(tree, grace);
        tree.addAll(self.descendants().toList()); // started while the others were ending
        List<ProcessHandle> killed = new ArrayList<>();
        for (ProcessHandle process : tree) {
            if (isRunning(process)) {
                process.destroyForcibly();
                killed.add(process);
            }
        }
        awaitEnd(killed, KILL_WAIT);
        return killed;
    }

    /** Waits until none of {@code processes} is running, or {@code limit} has passed; true if none is. */
    public static boolean awaitEnd(Iterable<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean anyRunning = false;
            for (ProcessHandle process : processes) {
                anyRunning |= isRunning(process);
            }
            if (!anyRunning) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Alive and not a zombie. An orphan is reaped by whatever adopts it, and in a container that may be a PID 1 that
     * never reaps: {@link ProcessHandle#isAlive()} still says true for such a dead process.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux), or the process ended between the two looks: trust isAlive once more.
            return process.isAlive();
        }
    }
}
