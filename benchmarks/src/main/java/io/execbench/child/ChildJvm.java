package io.execbench.child;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way this project starts and stops a child JVM (worker processes, IPC peers, and the tests' stand-in
 * parents): the java binary of this JVM's own JDK, run directly (never through a shell, so no quoting or PATH lookup),
 * on this JVM's class path (target/classes and the dependencies under Maven, or benchmarks.jar under
 * {@code java -jar}), told who its parent is, holding its stdin as a lifeline, and stopped with this JVM.
 *
 * <ul>
 *   <li>{@link #argv} adds {@code -D}{@value #PARENT_PID_PROPERTY}{@code =<this pid>}, so that the child's
 *       {@link ParentWatch} knows its parent even if the parent died before the child could look.</li>
 *   <li>{@link #start} installs, once per JVM, the shutdown hook that stops every descendant
 *       ({@link ProcessTree#stopOnExit()}): Ctrl-C, SIGTERM or {@code System.exit} of this JVM leaves no child.</li>
 *   <li>The child's stdin is its lifeline: {@link #stop} closes it, and a child reads its end as "leave now"; a
 *       child whose parent died without closing it is ended by its {@link ParentWatch}.</li>
 * </ul>
 */
public final class ChildJvm {

    /** The system property carrying the parent's pid to the child. */
    public static final String PARENT_PID_PROPERTY = "execbench.parent.pid";
    /** How long a killed child is given to be reaped. */
    private static final long KILL_WAIT_MS = 5_000;

    private ChildJvm() {
    }

    /** {@link #argv(List, String, String, List)} on this JVM's own class path. */
    public static List<String> argv(List<String> jvmOptions, String mainClass, List<String> arguments) {
        return argv(jvmOptions, classPath(), mainClass, arguments);
    }

    /**
     * The full argument vector: this JVM's java binary, the parent's pid, {@code jvmOptions}, the class path, the
     * main class and its arguments.
     */
    public static List<String> argv(List<String> jvmOptions, String classPath, String mainClass,
                                    List<String> arguments) {
        List<String> argv = new ArrayList<>();
        argv.add(javaBinary());
        argv.add("-D" + PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classPath);
        argv.add(mainClass);
        argv.addAll(arguments);
        return argv;
    }

    /** Starts {@code builder} (its command from {@link #argv}, its redirections set) as a child of this JVM. */
    public static Process start(ProcessBuilder builder) throws IOException {
        ProcessTree.stopOnExit();
        return builder.start();
    }

    /**
     * Closes the child's stdin (its lifeline: it leaves), waits up to {@code graceMs} for it to exit, and kills it if it
     * lingers. Interrupted, it kills the child at once and restores the interrupt.
     *
     * @param lifeline the child's stdin as the caller holds it (a buffered wrapper is flushed by closing it)
     * @return whether the child exited by itself within the grace period
     */
    public static boolean stop(Process child, OutputStream lifeline, long graceMs) {
        try {
            lifeline.close();
        } catch (IOException e) {
            // Already closed, or the child is gone: either way it has been told.
        }
        try {
            if (child.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
                return true;
            }
            child.destroyForcibly();
            child.waitFor(KILL_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** This JVM's class path, which every child runs on. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * The java binary of the JDK running this JVM ({@code java.home}), not whatever "java" is first on PATH, so the
     * child runs the same JDK.
     */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
