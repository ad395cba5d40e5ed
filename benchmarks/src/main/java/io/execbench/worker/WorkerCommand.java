package io.execbench.worker;

import io.execbench.child.ChildJvm;
import io.execbench.workload.UserWorkload;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a worker JVM: some JVM options, a class path (this JVM's unless told otherwise), a main class and its
 * arguments; {@link ChildJvm} turns it into the command line (this JVM's java binary, run directly) and starts it.
 *
 * @param jvmOptions options placed before {@code -cp}, e.g. {@code -Xshare:off}
 * @param classPath  the worker's class path
 * @param mainClass  the class whose {@code main} speaks {@link WorkerProtocol} (tests pass misbehaving ones)
 * @param arguments  the main class's arguments
 */
public record WorkerCommand(List<String> jvmOptions, String classPath, String mainClass, List<String> arguments) {

    /**
     * Keep the JVM's own messages off stdout, which is the reply channel: HotSpot prints some warnings and errors
     * (e.g. "Error occurred during CDS dumping") to stdout, and unified logging's default output is stdout too.
     */
    public static final List<String> QUIET_STDOUT =
            List.of("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    public WorkerCommand {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }

    /** The standard worker, whose memory kernel spans {@code memoryFootprintBytes} (the parent's value). */
    public static WorkerCommand standard(long memoryFootprintBytes) {
        return of(WorkerMain.class.getName(), WorkerMain.FOOTPRINT_OPTION + memoryFootprintBytes);
    }

    /** The standard worker whose alu kernel's poison seed does {@code fault} (the fault isolation experiment). */
    public static WorkerCommand faulty(long memoryFootprintBytes, String fault) {
        return of(WorkerMain.class.getName(), WorkerMain.FOOTPRINT_OPTION + memoryFootprintBytes,
                WorkerMain.FAULT_OPTION + fault);
    }

    /** {@code mainClass} on this JVM's class path, with the default JVM options. */
    public static WorkerCommand of(String mainClass, String... arguments) {
        return new WorkerCommand(defaultJvmOptions(), ChildJvm.classPath(), mainClass,
                List.of(arguments));
    }

    /**
     * The same heap limit as this JVM, so that a memory kernel that fits here fits in the worker too, and a clean
     * stdout, and this JVM's user workload if it has one; everything else is the JVM's default, as a user's own worker
     * would run.
     */
    public static List<String> defaultJvmOptions() {
        List<String> options = new ArrayList<>(QUIET_STDOUT);
        options.add("-Xmx" + Runtime.getRuntime().maxMemory());
        // A user's workload: the worker loads the same class from the same path as this JVM.
        UserWorkload.configured().ifPresent(workload -> options.addAll(workload.jvmOptions()));
        return options;
    }

    /** This command with {@code options} added to its JVM options. */
    public WorkerCommand withJvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(options);
        return new WorkerCommand(all, classPath, mainClass, arguments);
    }

    /** This command with another class path (e.g. a jar, which class-data sharing needs). */
    public WorkerCommand withClassPath(String otherClassPath) {
        return new WorkerCommand(jvmOptions, otherClassPath, mainClass, arguments);
    }

    /** The full argument vector, see {@link ChildJvm#argv}. */
    public List<String> argv() {
        return ChildJvm.argv(jvmOptions, classPath, mainClass, arguments);
    }
}
