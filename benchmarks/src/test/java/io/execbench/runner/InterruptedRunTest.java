package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.execbench.child.ProcessTree;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real run midway, the way CI timeouts and impatient users do, and checks what the results folder holds:
 * the run kept as {@code .partial} with everything finished so far, and the earlier run untouched.
 */
class InterruptedRunTest {

    @TempDir
    Path results;
    @TempDir
    Path tmp;

    private Process child;
    private Path peerDir;
    private Path earlierRun;
    private String earlierRunDigest;

    @BeforeEach
    void writeAnEarlierCompleteRun() {
        System.setProperty("jmh.ignoreLock", "true");
        int exit = BenchMain.execute(new PrintStream(java.io.OutputStream.nullOutputStream()), Clock.systemUTC(),
                "--profile=test", "--include=KernelBenchmark.baseline", "--results=" + results);
        assertThat(exit).isZero();
        earlierRun = RunFolders.list(results).getFirst();
        earlierRunDigest = digest(earlierRun);
    }

    @AfterEach
    void killLeftovers() throws IOException {
        if (child != null) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        if (peerDir != null && Files.exists(peerDir)) { // only after a failed check: a killed peer keeps its folder
            try (Stream<Path> files = Files.walk(peerDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void killMinus9LeavesAPartialRunWithTheBenchmarksFinishedSoFar() throws Exception {
        child = startRunner();
        Path partial = awaitPartialRunWithResults();
        List<ProcessHandle> forks = awaitForks();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(partial).isDirectory();
        JsonNode info = RunFolders.json(partial.resolve("run.json"));
        assertThat(info.get("status").asText()).isEqualTo("partial");
        assertThat(info.get("endedAt").isNull()).isTrue();
        JsonNode jmh = RunFolders.json(partial.resolve("jmh.json"));
        assertThat(jmh.size()).isEqualTo(info.get("benchmarks").get("completed").asInt()).isPositive();
        assertThat(digest(earlierRun)).as("the earlier run is untouched").isEqualTo(earlierRunDigest);
        awaitGone(forks);
    }

    @Test
    void sigtermDuringAnShmTransportAndABusyWorkerPoolLeavesNoProcessAndNoFile() throws Exception {
        child = RunnerProcess.start(results, tmp, "test", "selftest.HoldsChildrenBenchmark");
        ProcessHandle peer = awaitDescendant("io.execbench.ipc.EchoPeer");
        ProcessHandle worker = awaitDescendant("io.execbench.worker.WorkerMain");
        peerDir = Path.of(argument(peer, "-Dexecbench.ipc.dir=").orElseThrow());
        assertThat(peerDir).as("the shm peer's private folder").isDirectory();
        List<ProcessHandle> tree = child.descendants().toList();
        assertThat(tree).contains(peer, worker);

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("128 + SIGTERM").isEqualTo(143);
        // The runner waits for its whole tree before it exits: nothing may still be running now.
        assertThat(tree).as("the runner's forks, workers and peers").noneMatch(ProcessTree::isRunning);
        assertThat(peerDir).as("the shm peer's private folder").doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("left in the runner's temporary folder")
                    .noneMatch(name -> name.startsWith("execbench-"));
        }
        Path partial = RunFolders.list(results).stream()
                .filter(dir -> dir.getFileName().toString().endsWith(".partial")).findFirst().orElseThrow();
        assertThat(RunFolders.json(partial.resolve("run.json")).get("interruption").asText())
                .isEqualTo("SIGINT or SIGTERM");
    }

    @Test
    void sigtermStopsForksAndRecordsTheInterruption() throws Exception {
        Path runIdFile = tmp.resolve("execbench-run-id");
        child = RunnerProcess.start(results, tmp, "smoke", "KernelBenchmark", "--run-id-file=" + runIdFile);
        Path partial = awaitPartialRunWithResults();
        List<ProcessHandle> forks = awaitForks();

        child.destroy(); // SIGTERM: the runner's shutdown hook marks the run and kills its forks
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("128 + SIGTERM").isEqualTo(143);
        JsonNode info = RunFolders.json(partial.resolve("run.json"));
        assertThat(info.get("status").asText()).isEqualTo("partial");
        assertThat(info.get("interruption").asText()).isEqualTo("SIGINT or SIGTERM");
        assertThat(runIdFile).as("the run just made").hasContent(partial.getFileName() + "\n");
        assertThat(digest(earlierRun)).isEqualTo(earlierRunDigest);
        awaitGone(forks);
    }

    private Process startRunner() throws IOException {
        return RunnerProcess.start(results, tmp, "smoke", "KernelBenchmark");
    }

    /** Waits until the child's run folder exists as .partial and holds at least one finished benchmark. */
    private Path awaitPartialRunWithResults() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("runner exited early; see child.log").isTrue();
            for (Path dir : RunFolders.list(results)) {
                if (dir.getFileName().toString().endsWith(".partial") && Files.exists(dir.resolve("run.json"))
                        && RunFolders.json(dir.resolve("run.json")).get("benchmarks").get("completed").asInt() > 0) {
                    return dir;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no partial run with a finished benchmark within 120 s");
    }

    /** The benchmark JVMs the runner has forked right now; waits for the next fork between benchmarks. */
    private List<ProcessHandle> awaitForks() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ProcessHandle> forks = child.descendants().toList();
        while (forks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            forks = child.descendants().toList();
        }
        assertThat(forks).as("a JMH fork is running").isNotEmpty();
        return forks;
    }

    /** A process the runner started, directly or not, whose command line names {@code mainClass}. */
    private ProcessHandle awaitDescendant(String mainClass) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("runner exited early; see child.log").isTrue();
            Optional<ProcessHandle> found = child.descendants()
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(mainClass)).orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + mainClass + " under the runner within 120 s; see child.log");
    }

    private static Optional<String> argument(ProcessHandle process, String prefix) {
        return process.info().arguments().flatMap(args -> Stream.of(args).filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length())).findFirst());
    }

    /** No benchmark JVM the runner forked may outlive it. */
    private static void awaitGone(List<ProcessHandle> forks) {
        // A deadline to wait for, not a time to meet: after kill -9 the forks notice their parent's death themselves.
        assertThat(ProcessTree.awaitEnd(forks, Duration.ofSeconds(60))).as("forks ended").isTrue();
    }

    private static String digest(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
