package io.execbench.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * How to start a worker JVM: the very java binary and class path of this JVM, some JVM options, a main class and
 * its arguments. The command is run directly, never through a shell, so no quoting or PATH lookup is involved.
 *
 * @param jvmOptions options placed before {@code -cp}, e.g. {@code -Xshare:off}
 * @param mainClass  the class whose {@code main} speaks {@link WorkerProtocol} (tests pass misbehaving ones)
 * @param arguments  the main class's arguments
 */
public record WorkerCommand(List<String> jvmOptions, String mainClass, List<String> arguments) {

    public WorkerCommand {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }

    /** The standard worker, whose memory kernel spans {@code memoryFootprintBytes} (the parent's value). */
    public static WorkerCommand standard(long memoryFootprintBytes) {
        return new WorkerCommand(defaultJvmOptions(), WorkerMain.class.getName(),
                List.of(WorkerMain.FOOTPRINT_OPTION + memoryFootprintBytes));
    }

    /**
     * The same heap limit as this JVM, so that a memory kernel that fits here fits in the worker too; everything
     * else is the JVM's default, as a user's own worker would run.
     */
    public static List<String> defaultJvmOptions() {
        return List.of("-Xmx" + Runtime.getRuntime().maxMemory());
    }

    /** This command with {@code options} added to its JVM options. */
    public WorkerCommand withJvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(options);
        return new WorkerCommand(all, mainClass, arguments);
    }

    /** The full argument vector: this JVM's java binary, the options, this JVM's class path, main class, arguments. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(javaBinary());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(mainClass);
        argv.addAll(arguments);
        return argv;
    }

    /** The binary running this JVM (not whatever "java" is first on PATH), so the worker runs the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
    }
}
