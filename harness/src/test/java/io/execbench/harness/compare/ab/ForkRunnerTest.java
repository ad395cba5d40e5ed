package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.compare.BenchmarkKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkRunnerTest {

    private static final BenchmarkKey WORKLOAD = new BenchmarkKey("io.execbench.cpu.WorkloadOffloadBenchmark.batch",
            "avgt", Map.of("model", "inline", "workload", "com.example.Task", "workUnits", "500"));

    @Test
    void everyForkOfEitherBuildLoadsTheUserWorkloadAtThePlannedSize() {
        ForkRunner runner = new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 100, 3, 100),
                Path.of("/tmp/ab-forks"), Path.of("/tmp/execbench-ab-1"), false,
                List.of("-Dexecbench.workload.class=com.example.Task", "-Dexecbench.workload.path=/tmp/task/classes"));

        List<String> command = runner.command(new Build("A", "main", "abc1234", List.of(Path.of("/tmp/a/classes"))),
                WORKLOAD, Path.of("/tmp/ab-forks/a.json"), ForkRunner.Extras.NONE);

        String jvmArgs = command.get(command.indexOf("-jvmArgsAppend") + 1);
        assertThat(jmhSplit(jvmArgs)).contains("-Dexecbench.workload.class=com.example.Task",
                "-Dexecbench.workload.path=/tmp/task/classes", "-Djava.io.tmpdir=/tmp/execbench-ab-1");
        assertThat(String.join(" ", command)).contains("-p workUnits=500", "-p workload=com.example.Task");
        assertThat(command).as("JMH's host JVM too: its lock file goes to the private folder, not the results")
                .contains("-Djava.io.tmpdir=/tmp/execbench-ab-1").doesNotContain("-Djava.io.tmpdir=/tmp/ab-forks");
    }

    @Test
    void multiThreadedSuitesMeasureTwiceTheIterationsAfterAtLeastTwoWarmUpsAndSingleThreadedOnesTheProfiles() {
        ForkRunner runner = new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 200, 3, 200),
                Path.of("/tmp/ab-forks"), Path.of("/tmp/execbench-ab-1"), false, List.of());
        Build build = new Build("A", "main", "abc1234", List.of(Path.of("/tmp/a/classes")));
        BenchmarkKey scaling = new BenchmarkKey("io.execbench.scaling.ScalingBenchmark.parallel", "thrpt",
                Map.of("kernel", "fp", "placement", "os", "threads", "2"));
        BenchmarkKey kernel = new BenchmarkKey("io.execbench.workload.KernelBenchmark.run", "avgt",
                Map.of("kernel", "fp", "workUnits", "1000"));

        String multi = String.join(" ", runner.command(build, scaling, Path.of("/tmp/s.json"),
                ForkRunner.Extras.NONE));
        String single = String.join(" ", runner.command(build, kernel, Path.of("/tmp/k.json"),
                ForkRunner.Extras.NONE));

        assertThat(multi).contains(" -wi 2 -w 200ms -i 6 -r 200ms ");
        assertThat(single).contains(" -wi 1 -w 200ms -i 3 -r 200ms ");
        assertThat(new Plan.Budget(3, 600, 5, 600).multiThreaded()).isEqualTo(new Plan.Budget(6, 600, 10, 600));
        assertThat(ForkRunner.timeoutSeconds(new Plan.Budget(2, 200, 6, 200))).isEqualTo(120 + 16);
    }

    @Test
    void foldersWithSpacesReachTheForkAsOneOptionEach() {
        ForkRunner runner = new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 100, 3, 100),
                Path.of("/home/me/My Projects/execbench/results/ab/x/forks"), Path.of("/tmp/my temp/execbench-ab-1"),
                false, List.of("-Dexecbench.workload.path=/home/me/my task/classes"));

        List<String> command = runner.command(new Build("A", "main", "abc1234", List.of(Path.of("/tmp/a/classes"))),
                WORKLOAD, Path.of("/tmp/a.json"), ForkRunner.Extras.NONE);

        assertThat(jmhSplit(command.get(command.indexOf("-jvmArgsAppend") + 1))).containsSubsequence(
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=/tmp/my temp/execbench-ab-1",
                "-Dexecbench.latency.dir=/home/me/My Projects/execbench/results/ab/x/forks/latency",
                "-Dexecbench.workload.path=/home/me/my task/classes");
    }

    @Test
    void anOptionWithADoubleQuoteIsRefusedBeforeAnyForkNamingIt() {
        assertThatThrownBy(() -> new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 100, 3, 100),
                Path.of("/tmp/ab-forks"), Path.of("/tmp/execbench-ab-1"), false,
                List.of("-Dexecbench.workload.path=/tmp/\"odd\"/classes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dexecbench.workload.path=/tmp/\"odd\"/classes")
                .hasMessageContaining("double quote");
    }

    @Test
    void aFailedForkIsOneSentenceFromItsLogNotAStackTrace() throws Exception {
        Path log = Path.of(ForkRunnerTest.class.getResource("/fixtures/ab/fork-logs/uds-path-too-long.log").toURI());

        assertThat(ForkRunner.cause(log)).isEqualTo("io.execbench.ipc.IpcException: uds: set-up failed:"
                + " java.net.SocketException: Unix domain path too long");
    }

    @Test
    void aCauseIsFoundInTheTailOfAHugeLogAndAMessagelessExceptionNamesItsRootCause(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("r01-x-A.log");
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(log)) {
            for (int i = 0; i < 200_000; i++) { // 10 MB of a chatty benchmark, then the failure
                out.write("# a line a chatty benchmark printed, line " + i + "\n");
            }
            out.write("# Warmup Iteration   1: <failure>\n\njava.lang.IllegalStateException\n"
                    + "\tat x.Bench.setUp(Bench.java:1)\nCaused by: java.lang.RuntimeException: wrapped\n"
                    + "\tat x.Bench.open(Bench.java:2)\n\tSuppressed: java.io.IOException: other\n"
                    + "\tCaused by: java.io.IOException: not this one\n"
                    + "Caused by: java.io.FileNotFoundException: /no/such/file\n\tat x.Bench.open(Bench.java:3)\n");
        }
        Path plain = dir.resolve("r01-y-A.log");
        java.nio.file.Files.writeString(plain, "# JMH version: 1.37\nsomething went wrong\nthe end\n");

        assertThat(ForkRunner.cause(log)).isEqualTo("java.lang.IllegalStateException, caused by"
                + " java.io.FileNotFoundException: /no/such/file");
        assertThat(ForkRunner.cause(plain)).isEqualTo("# JMH version: 1.37 | something went wrong | the end");
        assertThat(ForkRunner.cause(dir.resolve("missing.log"))).startsWith("(no log: ");
    }

    /** What JMH 1.37 does with a -jvmArgsAppend value (Utils.splitQuotedEscape): split on spaces outside quotes. */
    private static List<String> jmhSplit(String value) {
        return new ArrayList<>(org.openjdk.jmh.util.Utils.splitQuotedEscape(value));
    }
}
