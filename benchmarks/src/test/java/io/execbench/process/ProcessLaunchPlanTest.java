package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.runner.BenchmarkPlan;
import io.execbench.runner.PlannedBenchmark;
import io.execbench.runner.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the runner plans of the launch suite, and the command lines it launches. */
class ProcessLaunchPlanTest {

    /** Labels name the parameters in JMH's order for this class: launch, until, program, mechanism. */
    private static List<String> plan(Profile profile) {
        return BenchmarkPlan.of("process\\.ProcessLaunchBenchmark\\.", profile).stream()
                .map(PlannedBenchmark::shortLabel).toList();
    }

    @Test
    void mechanismsAreComparedOnANativeProgramStartedDirectlyAndTheShellAndJvmUseTheDefault() {
        List<String> accepted = LaunchMechanisms.probe().accepted();
        List<String> quick = plan(Profile.QUICK);

        assertThat(quick).contains("ProcessLaunchBenchmark.baseline",
                "ProcessLaunchBenchmark.launch launch=shell until=exit program=native mechanism=POSIX_SPAWN",
                "ProcessLaunchBenchmark.launch launch=shell until=firstByte program=jvm mechanism=POSIX_SPAWN");
        for (String mechanism : accepted) {
            assertThat(quick).contains("ProcessLaunchBenchmark.launch launch=direct until=exit program=native"
                    + " mechanism=" + mechanism);
        }
        assertThat(quick).hasSize(1 + 2 * (accepted.size() + 3))
                .noneMatch(label -> label.contains("program=jvm") && !label.contains("POSIX_SPAWN"));
    }

    @Test
    void smokeKeepsTheShellAgainstDirectAndAJvmWithTheDefaultMechanism() {
        List<String> smoke = plan(Profile.SMOKE);

        assertThat(smoke).hasSize(4).allMatch(l -> !l.contains("mechanism=") || l.contains("mechanism=POSIX_SPAWN"))
                .contains("ProcessLaunchBenchmark.launch launch=shell until=exit program=native mechanism=POSIX_SPAWN",
                        "ProcessLaunchBenchmark.launch launch=direct until=firstByte program=jvm mechanism=POSIX_SPAWN");
        assertThat(plan(Profile.TEST)).containsExactly("ProcessLaunchBenchmark.baseline",
                "ProcessLaunchBenchmark.launch launch=direct until=firstByte program=jvm mechanism=POSIX_SPAWN",
                "ProcessLaunchBenchmark.launch launch=direct until=exit program=native mechanism=POSIX_SPAWN");
    }

    @Test
    void theShellGetsOneCommandStringWithEveryWordQuoted() throws IOException, InterruptedException {
        assertThat(ProcessLaunchBenchmark.quote("it's")).isEqualTo("'it'\\''s'");
        List<String> shell = ProcessLaunchBenchmark.command("native", "shell", true);
        assertThat(shell).containsExactly("/bin/sh", "-c", "'/bin/echo' '1'");

        Process echo = new ProcessBuilder(shell).start();
        assertThat(new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1\n");
        assertThat(echo.waitFor()).isZero();
    }
}
