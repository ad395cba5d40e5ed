package io.execbench.child;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way this project starts a child JVM (worker processes, IPC peers, and the tests' stand-in parents):
 * the very java binary of this JVM, run directly (never through a shell, so no quoting or PATH lookup), told who its
 * parent is, and stopped with this JVM.
 *
 * <ul>
 *   <li>{@link #argv} adds {@code -D}{@value #PARENT_PID_PROPERTY}{@code =<this pid>}, so that the child's
 *       {@link ParentWatch} knows its parent even if the parent died before the child could look.</li>
 *   <li>{@link #start} installs, once per JVM, the shutdown hook that stops every descendant
 *       ({@link ProcessTree#stopOnExit()}): Ctrl-C, SIGTERM or {@code System.exit} of this JVM leaves no child.</li>
 * </ul>
 */
public final class ChildJvm {

    /** The system property carrying the parent's pid to the child. */
    public static final String PARENT_PID_PROPERTY = "execbench.parent.pid";

    private ChildJvm() {
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

    /** The binary running this JVM (not whatever "java" is first on PATH), so the child runs the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
