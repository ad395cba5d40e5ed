package io.execbench.harness.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.latency.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {

    @Test
    void aRunWithoutExperimentsCannotTestAnyClaimAndHasNoFindings() {
        List<Claim> claims = Claims.of(Experiments.none());
        assertThat(claims).hasSize(6).extracting(Claim::verdict).containsOnly(Claim.UNTESTED);
        assertThat(Findings.of(Experiments.none())).isEmpty();
    }

    @Test
    void aScalingOnlyRunTestsTheCoreClaimsAndSaysTheHyperthreadHalfIsUntestable() throws Exception {
        Run run = RunReader.read(ReportResources.path("scaling"));
        MachineFacts machine = MachineFacts.read(run.folder().dir());
        List<Claim> claims = Claims.of(Experiments.of(run, List.of(), machine));

        assertThat(claims).filteredOn(c -> c.claim().equals(Claims.CORES)).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isNotEqualTo(Claim.UNTESTED);
            assertThat(c.measured()).contains("The hyperthread half of the claim cannot be tested here");
        });
        assertThat(claims).filteredOn(c -> c.claim().equals(Claims.PROCESSES) || c.claim().equals(Claims.IPC)
                || c.claim().equals(Claims.VIRTUAL) || c.claim().equals(Claims.LOOP))
                .extracting(Claim::verdict).containsOnly(Claim.UNTESTED);
    }

    @Test
    void everyFindingOfTheCombinedRunCarriesANumber(@TempDir Path dir) throws Exception {
        Path runDir = ReportResources.combinedRun(dir, "combined");
        Run run = RunReader.read(runDir);
        MachineFacts machine = MachineFacts.read(runDir);
        Experiments experiments = Experiments.of(run, LatencyLogReader.readAll(runDir), machine);
        List<String> findings = Findings.of(experiments);

        assertThat(findings).hasSizeGreaterThan(20).allMatch(f -> f.matches(".*\\d.*") || f.contains("cannot"));
        assertThat(findings).anyMatch(f -> f.contains("within noise"));
        assertThat(findings).anyMatch(f -> f.startsWith("Hyperthread yield, alu: cannot be measured by this run"));
        assertThat(Claims.of(experiments)).filteredOn(c -> c.claim().equals(Claims.VIRTUAL)).singleElement()
                .extracting(Claim::verdict).isNotEqualTo(Claim.UNTESTED);
    }
}
