package io.execbench.cpu;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.workload.Seeds;
import io.execbench.worker.Watchdog;
import io.execbench.worker.WorkerCommand;
import io.execbench.worker.WorkerJar;
import io.execbench.worker.WorkerProcess;
import io.execbench.worker.WorkerTimeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Measures: a worker JVM's cold start, from launch to the checksum of its first (one-unit) task: what the
 * processes model pays once per worker at trial set-up, outside OffloadBenchmark's timed region, and what
 * spawnPerTask pays on every task (Node's fork with its IPC channel, in Java). Over a channel:
 *  - pipe: the task and its reply go over the worker's stdin and stdout;
 *  - uds: the worker connects back to a Unix domain socket this JVM listens on, and the task goes over that
 *    (stdin is then only its lifeline); the connection is part of the time.
 * With class-data sharing:
 *  - default: the JDK's own CDS archive of its classes (on by default since JDK 12);
 *  - off: -Xshare:off, every class parsed and verified from scratch;
 *  - appCds: a dynamic AppCDS archive of the worker's classes too (-XX:+AutoCreateSharedArchive), created by a
 *    training run at trial set-up;
 *  - aot: a JDK 25 AOT cache (-XX:AOTCacheOutput, JEP 514/515: classes loaded and linked, method profiles),
 *    created by a training run at trial set-up.
 *
 * Why a benchmark of its own and not a number taken at set-up: SingleShotTime gives every start a sample, JMH's
 * interval and a row in jmh.json that the report reads like any other, and the CDS variants sweep as a @Param.
 *
 * Pitfalls avoided: every variant starts from the same jar (CDS archives only classes from jars, and under Maven
 * the classes are a directory), the worker exits after each sample outside the measurement (@TearDown per
 * invocation), and the task's checksum is returned.
 *
 * Expect: default tens of ms (a JVM's hello world is about that), off about twice that, appCds and aot a little
 * below default; uds about pipe (one connect more, and the socket classes to load).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class ProcessStartupBenchmark implements AutoParams {

    private static final byte ALU = 0;
    private static final long TRAINING_EXIT_WAIT_MS = 30_000;

    @Param({"default", "off", "appCds", "aot"})
    public String cds;

    @Param({"pipe", "uds"})
    public String channel;

    private Path dir;
    private WorkerCommand command;
    private Watchdog watchdog;
    private WorkerProcess worker;
    private long seed = Seeds.FIRST;

    @Override
    public List<String> values(String param, Profile profile) {
        throw new IllegalArgumentException("no automatic values for @Param " + param);
    }

    /**
     * Every class-data sharing variant over the pipe; over the socket, default CDS, and in the full profile also the
     * AOT cache (each variant's training runs cost seconds of set-up).
     */
    @Override
    public boolean planned(Map<String, String> params, Profile profile) {
        if ("pipe".equals(params.get("channel"))) {
            return true;
        }
        String variant = params.get("cds");
        return "default".equals(variant) || profile == Profile.FULL && "aot".equals(variant);
    }

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        dir = Files.createTempDirectory("execbench-startup-");
        watchdog = new Watchdog(WorkerTimeouts.DEFAULT);
        try {
            command = build();
        } catch (RuntimeException | IOException e) {
            cleanUp(); // JMH runs no trial tear-down after a failed set-up: the archives would be left in /tmp
            throw e;
        }
    }

    private WorkerCommand build() throws IOException {
        WorkerCommand jarred = WorkerCommand.standard(1 << 20)
                .withClassPath(WorkerJar.write(dir.resolve("worker.jar")).toString());
        return switch (cds) {
            case "default" -> jarred;
            case "off" -> jarred.withJvmOptions(List.of("-Xshare:off"));
            case "appCds" -> trained(jarred.withJvmOptions(List.of(
                    "-XX:SharedArchiveFile=" + dir.resolve("worker.jsa"), "-XX:+AutoCreateSharedArchive")),
                    dir.resolve("worker.jsa"), List.of());
            case "aot" -> trained(jarred, dir.resolve("worker.aot"),
                    List.of("-XX:AOTCacheOutput=" + dir.resolve("worker.aot")))
                    .withJvmOptions(List.of("-XX:AOTCache=" + dir.resolve("worker.aot"), "-XX:AOTMode=on"));
            default -> throw new IllegalArgumentException("unknown cds '" + cds + "': default, off, appCds or aot");
        };
    }

    /** Runs one training worker (a task, then exit) so that it writes {@code archive}; fails if it did not. */
    private WorkerCommand trained(WorkerCommand command, Path archive, List<String> trainingOptions) {
        WorkerProcess training = WorkerProcess.launch(command.withJvmOptions(trainingOptions), "training worker",
                watchdog);
        try {
            training.awaitHello().call(ALU, 1000, seed);
        } finally {
            training.close(TRAINING_EXIT_WAIT_MS); // the archive is written as the JVM exits
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(cds + ": the training run wrote no " + archive);
        }
        return command;
    }

    @Benchmark
    public long firstReply() {
        worker = switch (channel) {
            case "pipe" -> WorkerProcess.launch(command, "worker", watchdog);
            case "uds" -> WorkerProcess.launchOverSocket(command, "worker", watchdog, dir.resolve("worker.sock"));
            default -> throw new IllegalArgumentException("unknown channel '" + channel + "': pipe or uds");
        };
        worker.awaitHello();
        seed++;
        return worker.call(ALU, 1, seed);
    }

    @TearDown(Level.Invocation)
    public void stopWorker() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        watchdog.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(ProcessStartupBenchmark::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
