package io.execbench.runner;

import io.execbench.latency.IntervalLog;
import io.execbench.process.FaultLog;
import io.execbench.process.MemoryLog;
import io.execbench.server.ServerLog;
import io.execbench.warmup.SteadyWarmup;
import io.execbench.workload.UserWorkload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one {@link PlannedBenchmark} through JMH with the profile's budget and reports what came of it.
 *
 * <p>JMH alone exits 0 when a benchmark fails and prints the reason only to its console, so each benchmark runs
 * in its own {@link Runner} with fail-on-error set, and its console output is captured: a failure becomes an
 * {@link Outcome} carrying JMH's own explanation (the exception, or the dead fork's exit code and output).
 */
final class JmhExecutor implements AutoCloseable {

    /** What one benchmark produced: a result, or the failure text. */
    record Outcome(RunResult result, String error) {
        boolean failed() {
            return result == null;
        }
    }

    private static final int FAILURE_LINES = 40;
    static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** The parameter of the user-workload suites (the class name). */
    static final String USER_WORKLOAD_PARAM = "workload";
    /** The run folder's folder for the fault isolation logs, beside {@code latency/}. */
    static final String FAULTS_FOLDER = "faults";
    /** The run folder's folder for the memory sweeps ({@code io.execbench.process.MemoryLog}). */
    static final String MEMORY_FOLDER = "memory";
    static final String SERVER_FOLDER = "server";

    private final Profile profile;
    private final Path logPath;
    private final FileChannel logChannel;
    private final OutputStream logFile;
    private final Path latencyDir;
    private final RunTemp temp;
    private final boolean echoToConsole;

    /**
     * @param latencyDir where benchmarks that record latency themselves write their logs (passed to every fork as
     *                   {@code -Dexecbench.latency.dir}, see {@code io.execbench.latency.IntervalLog}); the fault
     *                   isolation logs go to {@code faults/} beside it ({@code io.execbench.process.FaultLog}), the
     *                   memory sweeps to {@code memory/} ({@code io.execbench.process.MemoryLog})
     * @param temp       the run's private temporary folder, every fork's {@code java.io.tmpdir}
     */
    JmhExecutor(Profile profile, Path logFile, Path latencyDir, RunTemp temp, boolean echoToConsole) {
        this.profile = profile;
        this.latencyDir = latencyDir.toAbsolutePath();
        this.temp = temp;
        this.echoToConsole = echoToConsole;
        this.logPath = logFile;
        try {
            this.logChannel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            this.logFile = Channels.newOutputStream(logChannel);
        } catch (IOException e) {
            throw new UncheckedIOException(logFile + ": cannot open the JMH log: " + e.getMessage(), e);
        }
    }

    Outcome run(PlannedBenchmark benchmark) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<OutputStream> sinks = new ArrayList<>(List.of(logFile, captured));
        if (echoToConsole) {
            sinks.add(System.out);
        }
        PrintStream out = new PrintStream(new TeeOutputStream(sinks), true, StandardCharsets.UTF_8);
        Runner runner = new Runner(options(benchmark).build(),
                OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
        try {
            Collection<RunResult> results = runner.run();
            out.flush();
            if (results.isEmpty()) {
                return new Outcome(null, "JMH produced no result\n" + failureText(captured));
            }
            return new Outcome(results.iterator().next(), null);
        } catch (RunnerException e) {
            out.flush();
            return new Outcome(null, failureText(captured) + "\n(" + e.getMessage() + ")");
        }
    }

    private ChainedOptionsBuilder options(PlannedBenchmark benchmark) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.benchmark()) + "$")
                .mode(benchmark.mode())
                .forks(profile.forks())
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.milliseconds(Math.max(1, profile.warmupTimeMs())))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.measurementTimeMs()))
                // A hung benchmark must fail, not stall the nightly run: JMH interrupts it after this long.
                .timeout(TimeValue.seconds(timeoutSeconds(benchmark, profile)))
                .jvmArgsAppend(forkJvmOptions().toArray(String[]::new))
                // The machine's speed beside every iteration, so a comparison can tell the code from the host.
                .addProfiler(IterationCanary.class)
                .shouldFailOnError(true);
        if (benchmark.params().containsKey(USER_WORKLOAD_PARAM)) {
            // What the user's task allocates, for the report's answer (gc.alloc.rate.norm, bytes per call).
            options.addProfiler(GCProfiler.class);
        }
        benchmark.params().forEach(options::param);
        return options;
    }

    /**
     * A minute (or ten iterations) per iteration, or the benchmark class's own {@code @Timeout} when it asks for more:
     * a suite whose trial set-up runs an experiment (the server load sweep) says so on the class, and JMH's
     * option, which would override the annotation, follows it here.
     */
    static long timeoutSeconds(PlannedBenchmark benchmark, Profile profile) {
        long seconds = Math.max(60, 10L * profile.measurementTimeMs() / 1000);
        String name = benchmark.benchmark();
        try {
            Timeout declared = Class.forName(name.substring(0, name.lastIndexOf('.'))).getAnnotation(Timeout.class);
            if (declared != null) {
                seconds = Math.max(seconds, declared.timeUnit().toSeconds(declared.time()));
            }
        } catch (ClassNotFoundException | StringIndexOutOfBoundsException e) {
            // JMH names a class it cannot find itself; the default stands.
        }
        return seconds;
    }

    /**
     * JMH 1.37 still uses sun.misc.Unsafe, and the topology code calls sched_setaffinity through FFM; JDK 25 would
     * print warnings into every fork's output, burying real failure text. Allowing both changes nothing measured.
     * The run's folders for latency logs, fault logs, memory sweeps and warm-up records, and the profile (the warm-up's budget).
     * A user's workload: every fork (and every worker it starts) loads the same class from the same path.
     */
    private List<String> forkJvmOptions() {
        List<String> options = new ArrayList<>(List.of(UNSAFE_ALLOW, NATIVE_ACCESS,
                "-D" + IntervalLog.DIR_PROPERTY + "=" + latencyDir,
                "-D" + FaultLog.DIR_PROPERTY + "=" + latencyDir.resolveSibling(FAULTS_FOLDER),
                "-D" + MemoryLog.DIR_PROPERTY + "=" + latencyDir.resolveSibling(MEMORY_FOLDER),
                "-D" + ServerLog.DIR_PROPERTY + "=" + latencyDir.resolveSibling(SERVER_FOLDER),
                // Where SteadyWarmup records each fork's warm-up; the profile sets its budget.
                "-D" + SteadyWarmup.DIR_PROPERTY + "=" + latencyDir.resolveSibling("warmup"),
                "-D" + AutoParams.PROFILE_PROPERTY + "=" + profile.label(), temp.jvmOption()));
        UserWorkload.configured().ifPresent(workload -> options.addAll(workload.jvmOptions()));
        if (archivable(System.getProperty("java.class.path", ""))) {
            options.addAll(classArchive(temp.path(), options));
        }
        return options;
    }

    /**
     * A dynamic AppCDS archive of the classes a fork loads (JMH's, the project's), shared by every fork of the run:
     * the first fork writes it when it exits, the others map it instead of loading those classes from the jar, which
     * saves part of every fork's start (the main job starts one fork per benchmark). Class loading is all it changes:
     * the archive holds no compiled code and no profile, so steady-state scores are untouched. It lives in the run's
     * private temporary folder and goes with it; its name follows the fork options, so a run with a user workload
     * (another class path) never maps an archive written for other options (the JVM would reject it and write a new
     * one at every exit). Only when the class path is all jars ({@link #archivable}): the main job's shaded jar.
     */
    static List<String> classArchive(Path tempDir, List<String> forkOptions) {
        String key = Integer.toHexString(String.join("\n", forkOptions).hashCode());
        return List.of("-XX:SharedArchiveFile=" + tempDir.resolve("forks-" + key + ".jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off"); // its notes on skipped classes are not failures
    }

    /**
     * Whether a class path can go into a dynamic archive: only jars. With a folder of classes on it (the project's
     * own tests, an IDE) the JVM refuses to write the archive at exit and the fork exits with status 1.
     */
    static boolean archivable(String classPath) {
        if (classPath.isBlank()) {
            return false;
        }
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty() || !entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    /** From JMH's console output, the lines that explain a failure; the tail of the output if none is marked. */
    static String failureText(ByteArrayOutputStream captured) {
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("<failure>") || line.contains("<forked VM failed")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            start = Math.max(0, lines.size() - FAILURE_LINES);
        }
        List<String> explanation = lines.subList(start, Math.min(lines.size(), start + FAILURE_LINES));
        return String.join("\n", explanation).strip();
    }

    /** Closes the JMH log, forced to disk like every other file of the run. */
    @Override
    public void close() {
        try (OutputStream closing = logFile) {
            logChannel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(logPath + ": cannot close the JMH log: " + e.getMessage(), e);
        }
    }
}
