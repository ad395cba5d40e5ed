package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.ab.AbSession.Outcome;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.JmhJsonReader;
import io.execbench.harness.read.RunReadException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one benchmark of one build as exactly one JMH fork: {@code java -cp <build> org.openjdk.jmh.Main} in a child
 * process, with the profile's budget and every {@code @Param} given explicitly, writing JMH's own JSON. JMH's command
 * line is the one interface every build of the project has, old refs included, so a baseline needs nothing of this
 * harness. The child gets a private {@code java.io.tmpdir} (a {@link PrivateTemp}: JMH keeps its lock file there, the
 * IPC benchmarks their Unix sockets) and is killed if this JVM ends first.
 */
public final class ForkRunner implements AbSession.Forks {

    /** The flags the runner gives every fork (JMH 1.37 uses Unsafe; the topology code uses FFM). */
    private static final List<String> FORK_FLAGS = List.of("--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    /** How much of a failed fork's log is read for its cause. */
    static final int LOG_TAIL_BYTES = 64 * 1024;
    private static final int MAX_CAUSE_CHARS = 400;
    /** A stack trace's first line: a class name ending in Exception or Error, at the line's start, then its message. */
    private static final Pattern EXCEPTION_HEADER = Pattern.compile(
            "[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(Exception|Error)(: .*)?");

    /**
     * What a duet adds to a fork: a command prefix (CPU pinning), flags of JMH's host JVM, a folder after the build's
     * classpath, flags of the benchmark's JVM and a profiler.
     */
    record Extras(List<String> prefix, List<String> hostArgs, Path classpathTail, List<String> jvmArgs,
                  String profiler) {
        static final Extras NONE = new Extras(List.of(), List.of(), null, List.of(), null);
    }

    private final Path java;
    private final Plan.Budget budget;
    private final Path scratch;
    private final Path temp;
    private final boolean canary;
    private final List<String> forkJvmArgs;

    /**
     * @param java    the JDK 25 {@code java} to run forks with
     * @param scratch the folder for the forks' JSON output, logs and latency files
     * @param temp    the forks' {@code java.io.tmpdir}: a private folder whose path leaves room for a Unix socket
     * @param canary  whether to add the per-iteration canary profiler (only when both builds have it)
     * @param jvmArgs options of every fork's benchmark JVM, e.g. a user's workload's {@code -Dexecbench.workload.*}
     * @throws IllegalArgumentException when an option cannot reach a fork ({@link #jmhOptionList})
     */
    public ForkRunner(Path java, Plan.Budget budget, Path scratch, Path temp, boolean canary, List<String> jvmArgs) {
        this.java = java;
        this.budget = budget;
        this.scratch = scratch;
        this.temp = temp;
        this.canary = canary;
        this.forkJvmArgs = List.copyOf(jvmArgs);
        jmhOptionList(baseOptions()); // before the first round, not in it
    }

    /** The options every fork gets: the runner's flags, a private temporary folder, the latency folder, the user's. */
    private List<String> baseOptions() {
        List<String> options = new ArrayList<>(FORK_FLAGS);
        options.add("-Djava.io.tmpdir=" + temp);
        options.add("-Dexecbench.latency.dir=" + scratch.resolve("latency"));
        options.addAll(forkJvmArgs);
        return options;
    }

    @Override
    public Outcome run(Build build, BenchmarkKey key, String name) throws InterruptedException {
        Path json = json(name);
        Path log = log(name);
        Process process;
        try {
            process = start(build, key, name, Extras.NONE);
        } catch (IOException e) {
            return new Outcome(null, "cannot start JMH for build " + build.label() + ": " + e.getMessage());
        }
        try {
            long timeout = timeoutSeconds(budget(key));
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                return new Outcome(null, "no result within " + timeout + " s; the fork was killed");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return read(json, log, process.exitValue());
    }

    /** Starts one fork of {@code key} in {@code build}, writing {@link #json} and {@link #log} of {@code name}. */
    Process start(Build build, BenchmarkKey key, String name, Extras extras) throws IOException {
        Files.deleteIfExists(json(name));
        List<String> command;
        try {
            command = command(build, key, json(name), extras);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile()).start();
    }

    Path json(String name) {
        return scratch.resolve(name + ".json");
    }

    Path log(String name) {
        return scratch.resolve(name + ".log");
    }

    /** The profile's budget: a single-threaded benchmark's, a duet's. */
    Plan.Budget budget() {
        return budget;
    }

    /** {@code key}'s budget: the profile's, or {@link Plan.Budget#multiThreaded} for the suites {@link AbMode} names. */
    Plan.Budget budget(BenchmarkKey key) {
        return AbMode.multiThreaded(key) ? budget.multiThreaded() : budget;
    }

    /** The fork's result, or why there is none. */
    Outcome read(String name, int exitCode) {
        return read(json(name), log(name), exitCode);
    }

    private Outcome read(Path json, Path log, int exitCode) {
        try {
            Optional<BenchmarkResult> result = Files.isRegularFile(json) && Files.size(json) > 2
                    ? JmhJsonReader.read(json).stream().findFirst() : Optional.empty();
            if (result.isPresent()) {
                return new Outcome(result.get(), null);
            }
            return new Outcome(null, "JMH exited " + exitCode + " with no result: " + cause(log) + " (log: "
                    + log.getFileName() + ")");
        } catch (RunReadException e) {
            return new Outcome(null, e.getMessage());
        } catch (IOException e) {
            return new Outcome(null, json + ": " + e.getMessage());
        }
    }

    List<String> command(Build build, BenchmarkKey key, Path json, Extras extras) {
        String classpath = build.classpathArgument() + (extras.classpathTail() == null ? ""
                : File.pathSeparator + extras.classpathTail());
        List<String> forkOptions = baseOptions();
        forkOptions.addAll(extras.jvmArgs());
        Plan.Budget forkBudget = budget(key);
        List<String> command = new ArrayList<>(extras.prefix());
        command.add(java.toString());
        command.addAll(extras.hostArgs());
        command.addAll(List.of("-Djava.io.tmpdir=" + temp, "-cp", classpath, "org.openjdk.jmh.Main",
                "^" + Pattern.quote(key.benchmark()) + "$", "-bm", key.mode(), "-f", "1",
                "-wi", String.valueOf(forkBudget.warmupIterations()), "-w", forkBudget.warmupTimeMs() + "ms",
                "-i", String.valueOf(forkBudget.measurementIterations()), "-r", forkBudget.measurementTimeMs() + "ms",
                "-foe", "true", "-rf", "json", "-rff", json.toString(),
                "-jvmArgsAppend", jmhOptionList(forkOptions)));
        if (canary) {
            command.addAll(List.of("-prof", Build.CANARY_PROFILER));
        }
        if (extras.profiler() != null) {
            command.addAll(List.of("-prof", extras.profiler()));
        }
        for (Map.Entry<String, String> param : key.params().entrySet()) {
            command.addAll(List.of("-p", param.getKey() + "=" + param.getValue()));
        }
        return command;
    }

    /**
     * JVM options as one {@code -jvmArgsAppend} value. JMH splits that value on spaces outside double quotes and drops
     * the quotes, with no escape character: each option is quoted, so a folder with spaces in its name (the project's,
     * a user's workload) stays one option, and an option holding a double quote cannot be passed at all.
     *
     * @throws IllegalArgumentException naming the option, when it holds a double quote
     */
    static String jmhOptionList(List<String> options) {
        StringBuilder value = new StringBuilder();
        for (String option : options) {
            if (option.indexOf('"') >= 0) {
                throw new IllegalArgumentException("cannot hand " + option + " to a JMH fork: JMH's -jvmArgsAppend"
                        + " has no way to pass a double quote (rename the folder that holds one)");
            }
            value.append(value.isEmpty() ? "" : " ").append('"').append(option).append('"');
        }
        return value.toString();
    }

    /** A bound on a hung fork: far beyond the budget and a JVM start on a loaded machine. */
    static long timeoutSeconds(Plan.Budget budget) {
        return 120 + 10 * budget.iterationMs() / 1000;
    }

    /**
     * Why a fork failed, in one line from its log (the last {@value #LOG_TAIL_BYTES} bytes, whatever its size): the
     * exception JMH printed for the failing benchmark (its first line, and the last cause of its chain when it has
     * no message of its own); without one, the log's last lines.
     */
    static String cause(Path log) {
        List<String> lines;
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, LOG_TAIL_BYTES));
            channel.position(size - tail.capacity());
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // read the tail whole
            }
            lines = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).lines()
                    .toList();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
        String header = null;
        String rootCause = null;
        for (String line : lines) {
            if (header == null && EXCEPTION_HEADER.matcher(line).matches()) {
                header = line.strip();
            } else if (header != null && line.startsWith("Caused by: ")) {
                rootCause = line.substring("Caused by: ".length()).strip();
            }
        }
        String cause = header == null
                ? String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip()
                : header.contains(": ") || rootCause == null ? header : header + ", caused by " + rootCause;
        return cause.length() <= MAX_CAUSE_CHARS ? cause : cause.substring(0, MAX_CAUSE_CHARS) + "...";
    }
}
