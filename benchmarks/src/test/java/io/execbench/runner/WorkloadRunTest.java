package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.execbench.workload.UserWorkload;
import io.execbench.workload.WorkloadFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with a user's workload, end to end and in-process, with the millisecond {@code test} profile: the
 * project's own example (examples/hash-workload, compiled here against this build's execbench-api) through every
 * execution model, and a bad workload that fails alone.
 */
class WorkloadRunTest {

    private static final String EXAMPLE = "com.example.hash.BufferHashWorkload";

    @TempDir
    Path results;
    @TempDir
    Path classes;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void allowConcurrentJmh() {
        System.setProperty("jmh.ignoreLock", "true");
    }

    private int run(String... args) {
        return BenchMain.execute(new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC(), args);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void theExampleRunsInThisJvmAndInWorkersBatchAndPerTaskAndPassesItsChecksums() {
        WorkloadFixtures.compileTree(Path.of("../examples/hash-workload/src/main/java"), classes);

        int exit = run("--profile=test", "--include=cpu\\.Workload", "--results=" + results,
                "--workload=" + EXAMPLE, "--workload-path=" + classes);

        String output = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(BenchMain.EXIT_OK);
        Path runDir = RunFolders.list(results).getFirst();
        List<JsonNode> jmh = list(RunFolders.json(runDir.resolve("jmh.json")));
        List<JsonNode> batches = jmh.stream().filter(r -> r.get("benchmark").asText().endsWith(".batch")).toList();
        // The test profile's models; smoke adds eventLoop and forkJoin, quick and full spawnPerTask too.
        assertThat(batches).extracting(r -> r.get("params").get("model").asText())
                .containsExactlyInAnyOrder("inline", "fixedPool", "virtual", "processes");
        assertThat(batches).allMatch(r -> r.get("secondaryMetrics").has("gc.alloc.rate.norm"));
        assertThat(jmh.stream().filter(r -> r.get("benchmark").asText().endsWith(".task")))
                .extracting(r -> r.get("params").get("model").asText())
                .containsExactlyInAnyOrder("inline", "processes");
        assertThat(jmh).allMatch(r -> r.get("params").get("workload").asText().equals(EXAMPLE))
                .allMatch(r -> r.get("primaryMetric").get("score").asDouble() > 0);
        JsonNode described = RunFolders.json(runDir.resolve("run.json")).get("workload").get("userWorkload");
        assertThat(described.get("className").asText()).isEqualTo(EXAMPLE);
        assertThat(described.get("sizeUnit").asText()).isEqualTo("bytes hashed");
        assertThat(described.get("sizes").get(0).get("targetNs").asLong()).isEqualTo(10_000L);
        assertThat(System.getProperty(UserWorkload.CLASS_PROPERTY)).as("left for the next run in this JVM").isNull();
    }

    @Test
    void aBadWorkloadExitsTwoWithOneSentenceAndEveryOtherBenchmarkStillRuns() {
        WorkloadFixtures.compile(classes, "Throws", """
                public class Throws implements Workload {
                    public long run(long seed, int size) { throw new UnsupportedOperationException("not yet"); }
                }
                """);

        int exit = run("--profile=test", "--include=KernelBenchmark.baseline", "--results=" + results,
                "--workload=fixtures.Throws", "--workload-path=" + classes);

        String output = console.toString(StandardCharsets.UTF_8);
        String sentence = "workload fixtures.Throws.run(seed, 1) threw java.lang.UnsupportedOperationException: not "
                + "yet: fix run() so that it returns a checksum for every size from 1 to maxSize()";
        assertThat(exit).as(output).isEqualTo(BenchMain.EXIT_USAGE);
        assertThat(output).contains("execbench: " + sentence + "\n").doesNotContain("\tat ").doesNotContain("Caused by");
        Path runDir = RunFolders.list(results).getFirst();
        JsonNode info = RunFolders.json(runDir.resolve("run.json"));
        assertThat(list(info.get("failures"))).extracting(f -> f.get("error").asText()).containsExactly(sentence);
        assertThat(info.get("benchmarks").get("completed").asInt()).isEqualTo(3);
        assertThat(list(RunFolders.json(runDir.resolve("jmh.json")))).hasSize(3)
                .allMatch(r -> r.get("benchmark").asText().endsWith("KernelBenchmark.baseline"));
    }

    @Test
    void pinnedSizesAreMeasuredInsteadOfCalibratedOnes() {
        WorkloadFixtures.compileTree(Path.of("../examples/hash-workload/src/main/java"), classes);

        int exit = run("--list-plan", "--profile=quick", "--include=cpu\\.WorkloadLatency", "--results=" + results,
                "--workload=" + EXAMPLE, "--workload-path=" + classes, "--workload-sizes=64,4096");

        String output = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(BenchMain.EXIT_OK);
        assertThat(output).contains("execbench: workload " + EXAMPLE + " sizes: 64 (~")
                .contains("\"params\":{\"workload\":\"" + EXAMPLE + "\",\"model\":\"inline\",\"workUnits\":\"64\"}");
        assertThat(results).isEmptyDirectory();
    }
}
