package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.compare.BenchmarkKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkRunnerTest {

    private static final BenchmarkKey WORKLOAD = new BenchmarkKey("io.execbench.cpu.WorkloadOffloadBenchmark.batch",
            "avgt", Map.of("model", "inline", "workload", "com.example.Task", "workUnits", "500"));

    @Test
    void everyForkOfEitherBuildLoadsTheUserWorkloadAtThePlannedSize() {
        ForkRunner runner = new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 100, 3, 100),
                Path.of("/tmp/ab-forks"), false, List.of("-Dexecbench.workload.class=com.example.Task",
                        "-Dexecbench.workload.path=/tmp/task/classes"));

        List<String> command = runner.command(new Build("A", "main", "abc1234", List.of(Path.of("/tmp/a/classes"))),
                WORKLOAD, Path.of("/tmp/ab-forks/a.json"), ForkRunner.Extras.NONE);

        String jvmArgs = command.get(command.indexOf("-jvmArgsAppend") + 1);
        assertThat(jmhSplit(jvmArgs)).contains("-Dexecbench.workload.class=com.example.Task",
                "-Dexecbench.workload.path=/tmp/task/classes", "-Djava.io.tmpdir=/tmp/ab-forks");
        assertThat(String.join(" ", command)).contains("-p workUnits=500", "-p workload=com.example.Task");
    }

    @Test
    void multiThreadedSuitesMeasureTwiceTheIterationsAfterAtLeastTwoWarmUpsAndSingleThreadedOnesTheProfiles() {
        ForkRunner runner = new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 200, 3, 200),
                Path.of("/tmp/ab-forks"), false, List.of());
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
                Path.of("/home/me/My Projects/execbench/results/ab/x/forks"), false,
                List.of("-Dexecbench.workload.path=/home/me/my task/classes"));

        List<String> command = runner.command(new Build("A", "main", "abc1234", List.of(Path.of("/tmp/a/classes"))),
                WORKLOAD, Path.of("/tmp/a.json"), ForkRunner.Extras.NONE);

        assertThat(jmhSplit(command.get(command.indexOf("-jvmArgsAppend") + 1))).containsSubsequence(
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=/home/me/My Projects/execbench/results/ab/x/forks",
                "-Dexecbench.latency.dir=/home/me/My Projects/execbench/results/ab/x/forks/latency",
                "-Dexecbench.workload.path=/home/me/my task/classes");
    }

    @Test
    void anOptionWithADoubleQuoteIsRefusedBeforeAnyForkNamingIt() {
        assertThatThrownBy(() -> new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 100, 3, 100),
                Path.of("/tmp/ab-forks"), false, List.of("-Dexecbench.workload.path=/tmp/\"odd\"/classes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dexecbench.workload.path=/tmp/\"odd\"/classes")
                .hasMessageContaining("double quote");
    }

    /** What JMH 1.37 does with a -jvmArgsAppend value (Utils.splitQuotedEscape): split on spaces outside quotes. */
    private static List<String> jmhSplit(String value) {
        return new ArrayList<>(org.openjdk.jmh.util.Utils.splitQuotedEscape(value));
    }
}
