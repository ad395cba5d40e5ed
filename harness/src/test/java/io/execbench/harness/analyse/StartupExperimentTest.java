package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up experiment on a real smoke run (report/startup, see the README there). */
class StartupExperimentTest {

    private static StartupExperiment startup() throws Exception {
        Run run = RunReader.read(ReportResources.path("startup"));
        return StartupExperiment.of(run.results());
    }

    @Test
    void everyStartUpSideBySideCheapestFirstInMilliseconds() throws Exception {
        StartupExperiment startup = startup();

        assertThat(startup.launches()).extracting(StartupExperiment.Launch::label).containsExactly(
                "platform thread: start + join",
                "native, direct, VFORK: exit",
                "native, direct, POSIX_SPAWN: exit",
                "native, direct, FORK: exit",
                "native, shell, POSIX_SPAWN: exit",
                "worker JVM, CDS aot: first reply over pipe",
                "jvm, direct, POSIX_SPAWN: first byte",
                "worker JVM, CDS default: first reply over uds",
                "worker JVM, CDS off: first reply over pipe",
                "worker JVM, CDS default: first reply over pipe",
                "worker JVM, CDS appCds: first reply over pipe");
        StartupExperiment.Launch spawn = startup.launches().get(2);
        // SampleTime in us/op: 9958.4 +- 2077.797 us is 9.9584 +- 2.0778 ms; p50 and p99 from JMH's percentiles
        assertThat(spawn.ms().value()).isCloseTo(9.9584, within(1e-9));
        assertThat(spawn.ms().low()).isCloseTo(9.9584 - 2.0777970853829593, within(1e-9));
        assertThat(spawn.p50Ms()).isCloseTo(8.740864, within(1e-9));
        assertThat(spawn.samples()).isEqualTo(32);
        assertThat(spawn.category()).isEqualTo("native direct");
        assertThat(startup.launches().get(1).category()).isEqualTo("native direct VFORK");
    }

    @Test
    void anIntervalReachingBelowZeroIsCutAtZero() throws Exception {
        StartupExperiment.Launch jvm = startup().launches().get(6);

        // 253231.104 +- 1033248.66 us: three skewed JVM starts in a smoke run
        assertThat(jvm.ms().value()).isCloseTo(253.231104, within(1e-9));
        assertThat(jvm.ms().low()).isZero();
        assertThat(jvm.ms().high()).isCloseTo(253.231104 + 1033.2486614861796, within(1e-6));
    }

    @Test
    void breakEvenIsStartUpOverTaskTimeForTheCheapestOfEachKind() throws Exception {
        StartupExperiment startup = startup();

        assertThat(startup.compared()).extracting(StartupExperiment.Launch::label).containsExactly(
                "native, direct, VFORK: exit", "jvm, direct, POSIX_SPAWN: first byte",
                "worker JVM, CDS aot: first reply over pipe");
        assertThat(startup.tasks()).extracting(StartupExperiment.Task::label).containsExactly(
                "alu x 1", "alu x 1000", "alu x 100000", "fp x 1", "fp x 1000", "fp x 100000",
                "memory x 1", "memory x 1000", "memory x 100000");
        assertThat(startup.breakEvens()).hasSize(9 * 3);
        StartupExperiment.Task alu = startup.tasks().get(2);
        Estimate tasks = startup.breakEven(startup.compared().getFirst(), alu).orElseThrow().tasks();
        // 7220.96223255814 us over 553817.9111475404 ns
        assertThat(tasks.value()).isCloseTo(7220.96223255814e3 / 553817.9111475404, within(1e-9));
        assertThat(tasks.low()).isPositive().isLessThan(tasks.value());
        assertThat(tasks.high()).isGreaterThan(tasks.value());
    }

    @Test
    void aRunWithoutStartUpBenchmarksHasNoExperiment() throws Exception {
        Run run = RunReader.read(ReportResources.path("models"));

        assertThat(StartupExperiment.of(run.results()).isEmpty()).isTrue();
    }

    @Test
    void theRefusedOrDeprecatedLaunchMechanismsComeFromRunJson() throws Exception {
        assertThat(MachineFacts.read(ReportResources.path("startup")).launchNotes())
                .isEqualTo(List.of("VFORK: measured, but this JDK calls it deprecated: VFORK MODE DEPRECATED."));
        assertThat(MachineFacts.read(ReportResources.path("scaling")).launchNotes()).isEmpty();
    }
}
