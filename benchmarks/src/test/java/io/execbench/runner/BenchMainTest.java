package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real runner in-process on the real benchmarks, with the millisecond-long {@code test} profile. */
class BenchMainTest {

    @TempDir
    Path results;
    @TempDir
    Path target;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void allowConcurrentJmh() {
        // Other builds on a shared machine may hold JMH's global lock; these runs measure nothing.
        System.setProperty("jmh.ignoreLock", "true");
    }

    private int run(String... args) {
        return BenchMain.execute(new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC(), args);
    }

    @Test
    void everyBenchmarkRunsForMillisecondsAndPassesItsChecksum() {
        Path runIdFile = target.resolve("execbench-run-id");
        int exit = run("--profile=test", "--include=.*", "--results=" + results, "--run-id-file=" + runIdFile);

        assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(BenchMain.EXIT_OK);
        Path runDir = RunFolders.list(results).getFirst();
        assertThat(runDir.getFileName().toString()).doesNotEndWith(".partial");
        assertThat(runIdFile).hasContent(runDir.getFileName() + "\n");
        JsonNode info = RunFolders.json(runDir.resolve("run.json"));
        int planned = BenchmarkPlan.of(".*", Profile.TEST).size();
        assertThat(info.get("status").asText()).isEqualTo("complete");
        assertThat(info.get("benchmarks").get("completed").asInt()).isEqualTo(planned);
        assertThat(info.get("endedAt").isNull()).isFalse();
        JsonNode jmh = RunFolders.json(runDir.resolve("jmh.json"));
        assertThat(jmh).hasSize(planned);
        // Every fork's temporary folder was the run's private one, deleted when the run ended.
        for (JsonNode result : jmh) {
            List<String> tmpdirs = StreamSupport.stream(result.get("jvmArgs").spliterator(), false)
                    .map(JsonNode::asText).filter(arg -> arg.startsWith("-Djava.io.tmpdir=")).toList();
            Path forkTmp = Path.of(tmpdirs.getLast().substring("-Djava.io.tmpdir=".length()));
            assertThat(forkTmp.getFileName().toString()).as(result.get("benchmark").asText())
                    .startsWith(RunTemp.PREFIX);
            assertThat(forkTmp).doesNotExist();
        }
        assertThat(StreamSupport.stream(jmh.spliterator(), false)
                .map(r -> r.get("primaryMetric").get("score").asDouble())).allMatch(score -> score > 0);
        // The canary beside every iteration: one value per measurement iteration of every fork.
        for (JsonNode result : jmh) {
            for (String metric : new String[] {IterationCanary.CPU_METRIC, IterationCanary.FP_METRIC,
                    IterationCanary.WAKEUP_METRIC}) {
                JsonNode canaryRaw = result.get("secondaryMetrics").get(metric).get("rawData");
                assertThat(canaryRaw).as(metric).hasSize(Profile.TEST.forks());
                assertThat(canaryRaw.get(0)).as(metric).hasSize(Profile.TEST.measurementIterations());
            }
        }
        // The machine canary, read before the first benchmark and after the last.
        JsonNode canary = RunFolders.json(runDir.resolve("canary.json"));
        assertThat(canary.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(canary.get("readings")).hasSize(2);
        assertThat(canary.get("readings").get(0).get("phase").asText()).isEqualTo("start");
        assertThat(canary.get("readings").get(1).get("phase").asText()).isEqualTo("end");
        for (JsonNode reading : canary.get("readings")) {
            for (String probe : new String[] {"cpu", "wakeup"}) {
                assertThat(reading.get(probe).get("median").asDouble()).as(probe).isPositive();
                assertThat(reading.get(probe).get("samples")).hasSize(MachineCanary.REPETITIONS);
            }
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("machine canary (start): cpu ")
                .contains("machine canary (end): cpu ");
        // The C floor of the IPC round trips (or the sentence saying why there is none), and one warm-up record per
        // fork of each suite whose warm-up is decided from data.
        JsonNode floor = RunFolders.json(runDir.resolve("floor.json"));
        assertThat(floor.get("points").size() > 0 || floor.get("unavailable").isTextual())
                .as(floor.toString()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("C floor: ");
        long warmed = StreamSupport.stream(jmh.spliterator(), false).map(r -> r.get("benchmark").asText())
                .filter(name -> name.contains("IpcRoundTripBenchmark") || name.contains("IpcMessageFormatBenchmark"))
                .count();
        assertThat(runDir.resolve("warmup").toFile().list()).hasSize((int) warmed * Profile.TEST.forks());
    }

    @Test
    void failingBenchmarksAreRecordedAndTheOthersStillRun() {
        int exit = run("--profile=test", "--include=selftest.FailingBenchmark", "--results=" + results);

        assertThat(exit).isEqualTo(BenchMain.EXIT_BENCHMARKS_FAILED);
        Path runDir = RunFolders.list(results).getFirst();
        JsonNode info = RunFolders.json(runDir.resolve("run.json"));
        assertThat(info.get("status").asText()).isEqualTo("failed");
        assertThat(info.get("benchmarks").get("completed").asInt()).isEqualTo(1);
        List<String> failed = StreamSupport.stream(info.get("failures").spliterator(), false)
                .map(f -> f.get("benchmark").asText() + ": " + f.get("error").asText()).toList();
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0)).startsWith("io.execbench.selftest.FailingBenchmark.forkDies")
                .contains("exit code 42");
        assertThat(failed.get(1)).startsWith("io.execbench.selftest.FailingBenchmark.throwsException")
                .contains("java.lang.IllegalStateException: deliberate failure (size=1)");
        assertThat(RunFolders.json(runDir.resolve("jmh.json")).get(0).get("benchmark").asText())
                .isEqualTo("io.execbench.selftest.FailingBenchmark.passes");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("FAILED: java.lang.IllegalStateException: deliberate failure")
                .contains("failed in");
    }

    @Test
    void listPlanPrintsTheBudgetThenEachPlannedBenchmarkAndRunsNothing() {
        int exit = run("--list-plan", "--profile=quick", "--include=KernelBenchmark.run",
                "--results=" + results);

        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).isZero();
        assertThat(lines.getFirst()).isEqualTo("{\"profile\":\"quick\",\"warmupIterations\":1,\"warmupTimeMs\":200,"
                + "\"measurementIterations\":3,\"measurementTimeMs\":200}");
        assertThat(lines).contains("{\"benchmark\":\"io.execbench.workload.KernelBenchmark.run\",\"mode\":\"avgt\","
                + "\"params\":{\"kernel\":\"alu\",\"workUnits\":\"1000\"}}");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains("KernelBenchmark.run"));
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void badArgumentsExitWithUsageStatusAndWriteNothing() throws IOException {
        Path staleRunId = Files.writeString(target.resolve("execbench-run-id"), "2026-01-01T00-00-00Z_abc_000000\n");
        assertThat(run("--profile=huge", "--results=" + results, "--run-id-file=" + staleRunId))
                .isEqualTo(BenchMain.EXIT_USAGE);
        assertThat(staleRunId).as("an earlier run's id, left for the harness").doesNotExist();
        assertThat(run("--include=(", "--results=" + results)).isEqualTo(BenchMain.EXIT_USAGE);
        assertThat(RunFolders.list(results)).isEmpty();
    }
}
