package io.execbench.process;

import io.execbench.child.ChildJvm;
import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Question: what does starting a process cost, and how much of it is the shell, the launch mechanism, and the
 * program itself? (Node's exec / execFile / spawn, in their Java form.)
 *
 * Measures, per launch, as a distribution (SampleTime: every launch is a sample), until=
 *  - firstByte: from ProcessBuilder.start() until the child's first byte arrives on our end of its stdout;
 *  - exit:      from ProcessBuilder.start() until waitFor() returns;
 * for program=native (/bin/true for exit; /bin/echo for firstByte, since true writes nothing) and program=jvm (a
 * JVM hello world, Hello, on a one-entry class path), started directly (launch=direct, Node's execFile) or through
 * launch=shell (/bin/sh -c "...", Node's exec), with each launch mechanism this JDK accepts on Linux
 * (mechanism=auto: POSIX_SPAWN, the default; FORK; VFORK where it is still accepted, see LaunchMechanisms).
 * baseline is a platform thread's start and join: the cheapest unit of concurrency, for scale.
 *
 * Pitfalls avoided:
 *  - The JDK reads jdk.lang.Process.launchMechanism once, when the first process of the JVM starts, so it is set at
 *    trial set-up in each fork (the runner runs every combination in forks of its own; a JMH fork starts no process
 *    before that); a mechanism the JDK refuses is left out of the plan with the JDK's reason, never half-measured.
 *  - The exit status and the byte read are checked after each launch, outside the timed region (@TearDown per
 *    invocation, which also reaps the child and closes its three pipes), so a launch that failed cannot look fast.
 *  - The child's stdin, stdout and stderr are the JDK's default pipes: what `new ProcessBuilder(cmd).start()` costs.
 *
 * Expect (anchors on this kind of machine): posix_spawn of /bin/true and wait in C about 0.35 ms, Java's about 1 ms;
 * FORK slower than POSIX_SPAWN in a JVM with a large heap (the page tables are copied); the shell adds a second exec
 * (about one native launch); a JVM's hello world tens of ms, so for a JVM the mechanism and the shell hardly show.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessLaunchBenchmark implements AutoParams {

    static final AutoParams PARAMS = new ProcessLaunchBenchmark();
    static final String DEFAULT_MECHANISM = LaunchMechanisms.CANDIDATES.getFirst();
    private static final long EXIT_WAIT_S = 30;

    /** {@code mechanism}: every launch mechanism this JDK accepts ({@link LaunchMechanisms#probe()}). */
    @Override
    public List<String> values(String param, Profile profile) {
        if (!"mechanism".equals(param)) {
            throw new IllegalArgumentException("no automatic values for @Param " + param);
        }
        return LaunchMechanisms.probe().accepted();
    }

    /**
     * The mechanisms are compared where they can show, on a native program started directly; the shell and the JVM
     * with the default mechanism. The smoke profile keeps the shell against direct (the native program to its exit)
     * and a JVM directly to its first byte, with the default mechanism only; the test profile (the project's own
     * millisecond run) drops the shell too.
     */
    @Override
    public boolean planned(Map<String, String> params, Profile profile) {
        if (!params.containsKey("program")) {
            return true; // baseline
        }
        boolean nativeProgram = "native".equals(params.get("program"));
        boolean direct = "direct".equals(params.get("launch"));
        if (!(nativeProgram && direct) && !DEFAULT_MECHANISM.equals(params.get("mechanism"))) {
            return false;
        }
        if (profile != Profile.TEST && profile != Profile.SMOKE) {
            return true;
        }
        String until = params.get("until");
        if (!DEFAULT_MECHANISM.equals(params.get("mechanism")) || profile == Profile.TEST && !direct) {
            return false;
        }
        return nativeProgram ? "exit".equals(until) : direct && "firstByte".equals(until);
    }

    /** One kind of launch; the child of the current invocation. */
    @State(Scope.Thread)
    public static class Launch {
        @Param({"native", "jvm"})
        public String program;

        @Param({"direct", "shell"})
        public String launch;

        @Param({"auto"})
        public String mechanism;

        @Param({"firstByte", "exit"})
        public String until;

        List<String> command;
        boolean toFirstByte;
        Process child;
        int firstByte = -1;

        @Setup(Level.Trial)
        public void setUp() {
            System.setProperty(LaunchMechanisms.PROPERTY, PARAMS.resolve("mechanism", mechanism));
            toFirstByte = switch (until) {
                case "firstByte" -> true;
                case "exit" -> false;
                default -> throw new IllegalArgumentException("unknown until '" + until + "': firstByte or exit");
            };
            command = command(program, launch, toFirstByte);
        }

        /** Reaps the child, closes its pipes, and checks that the launch did what it was timed for. */
        @TearDown(Level.Invocation)
        public void reap() throws InterruptedException, IOException {
            Process launched = child;
            child = null;
            if (launched == null) {
                return;
            }
            try {
                if (!launched.waitFor(EXIT_WAIT_S, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(describe() + ": still running " + EXIT_WAIT_S + " s after its start");
                }
                if (launched.exitValue() != 0) {
                    throw new IllegalStateException(describe() + ": exited with code " + launched.exitValue());
                }
                if (firstByte != -1 && firstByte != '1') {
                    throw new IllegalStateException(describe() + ": wrote " + firstByte + " first, not '1'");
                }
            } finally {
                firstByte = -1;
                launched.destroyForcibly();
                launched.getOutputStream().close();
                launched.getInputStream().close();
                launched.getErrorStream().close();
            }
        }

        private String describe() {
            return "program=" + program + " launch=" + launch + " mechanism=" + mechanism + " until=" + until;
        }
    }

    /**
     * The argument vector: {@code program} as it is, or wrapped in {@code /bin/sh -c} with every argument quoted.
     *
     * @param writes whether the program must write a byte (a native program then is /bin/echo, else /bin/true)
     */
    static List<String> command(String program, String launch, boolean writes) {
        List<String> argv = switch (program) {
            case "native" -> writes ? List.of("/bin/echo", "1") : List.of("/bin/true");
            case "jvm" -> ChildJvm.argv(List.of(), codeSource(), Hello.class.getName(), List.of());
            default -> throw new IllegalArgumentException("unknown program '" + program + "': native or jvm");
        };
        return switch (launch) {
            case "direct" -> argv;
            case "shell" -> List.of("/bin/sh", "-c", argv.stream().map(ProcessLaunchBenchmark::quote)
                    .collect(Collectors.joining(" ")));
            default -> throw new IllegalArgumentException("unknown launch '" + launch + "': direct or shell");
        };
    }

    /** One shell word: single quotes, with any single quote inside closed, escaped and reopened. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Where Hello is loaded from (target/classes, or benchmarks.jar): the child's whole class path. */
    private static String codeSource() {
        try {
            return Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + Hello.class.getName() + ": " + e, e);
        }
    }

    @Benchmark
    public int launch(Launch launch) throws IOException, InterruptedException {
        Process child = ChildJvm.start(new ProcessBuilder(launch.command));
        launch.child = child;
        if (launch.toFirstByte) {
            InputStream stdout = child.getInputStream();
            launch.firstByte = stdout.read();
            return launch.firstByte;
        }
        return child.waitFor();
    }

    /** A platform thread started and joined: what the cheapest concurrency unit costs, beside a process. */
    @Benchmark
    public Thread baseline() throws InterruptedException {
        Thread thread = Thread.ofPlatform().start(() -> { });
        thread.join();
        return thread;
    }
}
