package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.compare.BenchmarkKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkRunnerTest {

    @Test
    void everyForkOfEitherBuildLoadsTheUserWorkloadAtThePlannedSize() {
        ForkRunner runner = new ForkRunner(Path.of("/opt/jdk-25/bin/java"), new Plan.Budget(1, 100, 3, 100),
                Path.of("/tmp/ab-forks"), false, List.of("-Dexecbench.workload.class=com.example.Task",
                        "-Dexecbench.workload.path=/tmp/task/classes"));
        BenchmarkKey key = new BenchmarkKey("io.execbench.cpu.WorkloadOffloadBenchmark.batch", "avgt",
                Map.of("model", "inline", "workload", "com.example.Task", "workUnits", "500"));

        List<String> command = runner.command(new Build("A", "main", "abc1234", List.of(Path.of("/tmp/a/classes"))),
                key, Path.of("/tmp/ab-forks/a.json"), ForkRunner.Extras.NONE);

        String jvmArgs = command.get(command.indexOf("-jvmArgsAppend") + 1);
        assertThat(jvmArgs).contains(" -Dexecbench.workload.class=com.example.Task",
                " -Dexecbench.workload.path=/tmp/task/classes");
        assertThat(String.join(" ", command)).contains("-p workUnits=500", "-p workload=com.example.Task");
    }
}
