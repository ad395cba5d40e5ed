package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Estimate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {

    @Test
    void aRunWithoutExperimentsCannotTestAnyClaimAndHasNoFindings() {
        List<Claim> claims = Claims.of(Experiments.none());
        assertThat(claims).hasSize(10).extracting(Claim::verdict).containsOnly(Claim.UNTESTED);
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

    @Test
    void noVerdictReadsAgainstItsOwnNumber(@TempDir Path dir) throws Exception {
        Path runDir = ReportResources.combinedRun(dir, "combined");
        Experiments combined = Experiments.of(RunReader.read(runDir), LatencyLogReader.readAll(runDir),
                MachineFacts.read(runDir));
        Run scalingRun = RunReader.read(ReportResources.path("scaling-latency"));
        Experiments scaling = Experiments.of(scalingRun, LatencyLogReader.readAll(scalingRun.folder().dir()),
                MachineFacts.read(scalingRun.folder().dir()));
        List<Claim> claims = new java.util.ArrayList<>(Claims.of(combined));
        claims.addAll(Claims.of(scaling));

        assertThat(claims).filteredOn(c -> c.test() != null).hasSizeGreaterThanOrEqualTo(4).allSatisfy(c -> {
            assertThat(c.test().contradicts(c.verdict())).as("%s: %s beside %s", c.claim(), c.verdict(),
                    c.headline()).isFalse();
            assertThat(c.verdict()).isEqualTo(c.test().verdict());
            assertThat(c.headline()).as("the headline shows the number decided on").contains(
                    c.claim().equals(Claims.IPC) ? Text.bytes(c.test().value().value()) : Text.estimate(c.test().value()));
        });
        assertThat(claims).filteredOn(c -> c.test() == null).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Claim.UNTESTED);
            assertThat(c.headline()).isNotBlank();
        });
    }

    @Test
    void aVerdictFollowsTheIntervalNotTheWordingOfTheClaim() {
        // The quick report's "virtual over inline 2.024 [1.345, 3.045]" read against a "supported": tested as "no
        // faster than" (at most 1), that number refutes the claim; the same number supports a "faster than" claim.
        Estimate faster = new Estimate(2.024, 1.345, 3.045, 0.999);
        Claim.Test noFaster = new Claim.Test("virtual / inline", faster, Claim.Bound.AT_MOST, 1);
        assertThat(noFaster.verdict()).isEqualTo(Claim.NOT_SUPPORTED);
        assertThat(noFaster.contradicts(Claim.SUPPORTED)).isTrue();
        assertThat(new Claim.Test("x", faster, Claim.Bound.ABOVE, 1).verdict()).isEqualTo(Claim.SUPPORTED);

        Estimate straddles = new Estimate(1.05, 0.9, 1.2, 0.999);
        assertThat(new Claim.Test("x", straddles, Claim.Bound.AT_MOST, 1).verdict()).isEqualTo(Claim.WITHIN_NOISE);
        assertThat(new Claim.Test("x", straddles, Claim.Bound.ABOVE, 1).verdict()).isEqualTo(Claim.WITHIN_NOISE);
        Estimate slower = new Estimate(0.95, 0.9, 1.01, 0.999);
        assertThat(new Claim.Test("x", slower, Claim.Bound.AT_MOST, 1).verdict()).isEqualTo(Claim.SUPPORTED);
        assertThat(new Claim.Test("x", Estimate.withoutInterval(0.5, 0.999), Claim.Bound.AT_MOST, 1).verdict())
                .as("no interval, no verdict").isEqualTo(Claim.WITHIN_NOISE);
    }

    @Test
    void theIpcClaimTestsTheCrossoverSizeAgainstASmallMessage() throws Exception {
        Run run = RunReader.read(ReportResources.path("ipc"));
        Claim ipc = Claims.of(Experiments.of(run, List.of(), MachineFacts.UNKNOWN)).stream()
                .filter(c -> c.claim().equals(Claims.IPC)).findFirst().orElseThrow();

        assertThat(ipc.test()).isNotNull();
        assertThat(ipc.test().threshold()).isEqualTo(1024);
        assertThat(ipc.test().bound()).isEqualTo(Claim.Bound.ABOVE);
        assertThat(ipc.headline()).startsWith("Smallest crossover, where the bytes cost as much as the fixed part: ");
        assertThat(ipc.measured()).doesNotContain("fixed part 100.0%").contains("A small message is 1.000 KiB.");
    }

    @Test
    void aModelWithoutInlineBesideItSaysWhereItAndInlineWereMeasured() throws Exception {
        Run run = RunReader.read(ReportResources.path("models"));
        ModelExperiment models = ModelExperiment.of(run.results());

        assertThat(Claims.missing(models, "eventLoop")).isEqualTo("No eventLoop model in this run.");
        // virtual is in ModelBench.batch beside inline: what is missing names nothing absent
        assertThat(Claims.missing(models, "virtual")).contains("virtual was measured in ModelBench.batch at workUnits=")
                .contains("inline was measured in ModelBench.batch at workUnits=");
    }
}
