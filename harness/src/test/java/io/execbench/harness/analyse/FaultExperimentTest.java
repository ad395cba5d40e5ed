package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.FaultLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The survival table, recoveries and fault claims of a real quick run (report/faults, see the README there). */
class FaultExperimentTest {

    private static Experiments experiments() throws Exception {
        Path dir = ReportResources.path("faults");
        Run run = RunReader.read(dir);
        return Experiments.of(run, List.of(), MachineFacts.read(dir), List.of(), FaultLogReader.readAll(dir));
    }

    @Test
    void theSurvivalTableHasEveryModelUnderEveryFault() throws Exception {
        FaultExperiment faults = experiments().faults();

        assertThat(faults.models()).containsExactly("inline", "fixedPool", "forkJoin", "virtual", "processes");
        assertThat(faults.faults()).containsExactly("exception", "stackOverflow", "outOfMemory", "exit", "loop");
        assertThat(faults.cells()).hasSize(25).allSatisfy(c -> assertThat(c.forks()).isEqualTo(1));
        assertThat(faults.cell("inline", "exit").orElseThrow().outcome()).isEqualTo("JVM died (exit 42): lost all 7");
        assertThat(faults.cell("virtual", "exit").orElseThrow().outcome()).isEqualTo("JVM died (exit 42): lost all 7");
        assertThat(faults.cell("processes", "exit").orElseThrow().outcome()).isEqualTo("lost 3 of 7; none with retry");
        assertThat(faults.cell("inline", "exception").orElseThrow().outcome())
                .isEqualTo("lost 5 of 7; none with retry");
        assertThat(faults.cell("fixedPool", "stackOverflow").orElseThrow().outcome()).isEqualTo("survived");
        assertThat(faults.cell("fixedPool", "loop").orElseThrow().outcome()).isEqualTo("survived; unusable after");
    }

    @Test
    void recoveryPerFaultFromJmhAndFromEveryLoggedCrash() throws Exception {
        FaultExperiment.Recovery exit = experiments().faults().recoveries().stream()
                .filter(r -> r.fault().equals("exit")).findFirst().orElseThrow();

        assertThat(exit.crashes()).isEqualTo(8); // 2 forks x (1 warm-up + 3 measured) samples
        assertThat(exit.otherWorkerSurvived()).isEqualTo(8);
        assertThat(exit.score().value()).isCloseTo(742.7025559999998, within(1e-9));
        assertThat(exit.score().low()).isCloseTo(742.7025559999998 - 473.66287690505465, within(1e-9));
        assertThat(exit.detectionMs()).isSorted().hasSize(8);
        assertThat(FaultExperiment.Recovery.percentile(exit.detectionMs(), 100))
                .isEqualTo(exit.detectionMs()[7]);
    }

    @Test
    void aChildsCrashSparesItsParentAndSiblingAndSystemExitEndsEveryThread() throws Exception {
        List<Claim> claims = Claims.of(experiments());

        Claim child = claims.stream().filter(c -> c.claim().equals(Claims.CHILD_CRASH)).findFirst().orElseThrow();
        assertThat(child.verdict()).isEqualTo(Claim.SUPPORTED);
        // exit and stackOverflow: one survival trial each, and 8 crashes each in the recovery benchmark
        assertThat(child.headline()).isEqualTo("The parent and the other worker lived through 18 of 18 worker"
                + " crashes.");
        Claim fate = claims.stream().filter(c -> c.claim().equals(Claims.SHARED_FATE)).findFirst().orElseThrow();
        assertThat(fate.verdict()).isEqualTo(Claim.SUPPORTED);
        assertThat(fate.headline()).isEqualTo("System.exit in one task ended the whole JVM in 4 of 4 thread models,"
                + " every other task with it.");
        assertThat(fate.measured()).contains("fixedPool/exception: survived");
    }

    @Test
    void withoutFaultLogsBothClaimsSayWhatIsMissing() {
        List<Claim> claims = Claims.of(Experiments.none());

        assertThat(claims).filteredOn(c -> c.claim().equals(Claims.CHILD_CRASH) || c.claim().equals(Claims.SHARED_FATE))
                .extracting(Claim::headline).containsExactly(
                        "No worker crash (exit or stackOverflow) in this run's fault logs.",
                        "No System.exit trial of a thread model in this run's fault logs.");
    }
}
