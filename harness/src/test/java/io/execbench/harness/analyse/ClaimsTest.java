package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.LatencyLogReader;
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

    @Test
    void theScalingSuitesChunkLatencyShowsWhatThreadsPastTheCpusCost() throws Exception {
        // A real smoke run of ScalingBenchmark (threads 1, 2, 4 on 2 CPUs) with its latency logs.
        Path runDir = ReportResources.path("scaling-latency");
        Run run = RunReader.read(runDir);
        MachineFacts machine = MachineFacts.read(runDir);
        List<LatencyLog> logs = LatencyLogReader.readAll(runDir);

        assertThat(logs).extracting(LatencyLog::name).containsExactly("scaling-alu-os", "scaling-alu-spread",
                "scaling-fp-os", "scaling-fp-spread", "scaling-memory-os", "scaling-memory-spread");
        assertThat(logs).allSatisfy(log -> {
            assertThat(log.source()).isEqualTo("latency/" + log.name() + "@*.hlog (3 files)");
            assertThat(log.series()).extracting(LatencyLog.Tagged::tag)
                    .containsExactly("threads=1", "threads=2", "threads=4");
            assertThat(log.series()).allSatisfy(t -> assertThat(t.intervals()).isEqualTo(3)); // 3 iterations
        });
        Experiments experiments = Experiments.of(run, logs, machine);
        LatencyGroup aluOs = experiments.latency().stream().filter(g -> g.title().equals("scaling-alu-os"))
                .findFirst().orElseThrow();
        long p99AtCpus = aluOs.series().get(1).merged().getValueAtPercentile(99);
        long p99Past = aluOs.series().get(2).merged().getValueAtPercentile(99);
        // About 50 us of work per chunk; past the CPUs a chunk also waits out other workers' time slices.
        assertThat(aluOs.series().get(0).merged().getValueAtPercentile(50)).isBetween(20_000L, 200_000L);
        assertThat(p99Past).isGreaterThan(5 * p99AtCpus);

        Claim pool = Claims.of(experiments).stream().filter(c -> c.claim().equals(Claims.POOL)).findFirst()
                .orElseThrow();
        assertThat(pool.measured()).contains("Each chunk's latency, p99 / p99.9, at 2 threads and past them: alu-os ")
                .contains("memory-spread ");

        assertThat(machine.usableCpus()).isEqualTo(2.0);
        assertThat(experiments.scaling().sweeps()).allSatisfy(sweep -> {
            assertThat(sweep.usl()).isPresent();
            assertThat(sweep.usl().get().cpus()).isEqualTo(2.0);
            assertThat(sweep.usl().get().kappaIdentified()).isFalse();
        });
        assertThat(Findings.of(experiments)).anyMatch(f -> f.contains("USL (flat past 2 usable CPUs): contention σ = ")
                && f.contains("coherency κ not identifiable") && f.contains("peak at 2 threads"));
    }
}
