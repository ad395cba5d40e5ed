package io.execbench.harness.read;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.PARTIAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.Metric.HistogramBin;
import io.execbench.harness.read.Metric.Interval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsEveryBenchmarkOfARealJmhFileInFileOrder() throws Exception {
        Run run = RunReader.read(Fixtures.run(COMPLETE_ID));

        assertThat(run.id()).isEqualTo(COMPLETE_ID);
        assertThat(run.results()).hasSize(8);
        assertThat(run.results()).extracting(BenchmarkResult::benchmark).containsExactly(
                "fixture.NoParamBench.baseline", "fixture.ParamBench.hash", "fixture.ParamBench.hash",
                "fixture.ParamBench.hash", "fixture.ParamBench.hash", "fixture.ParamBench.hash",
                "fixture.ParamBench.hash", "fixture.NoParamBench.baseline");
        BenchmarkResult plain10 = run.results().get(3);
        assertThat(plain10.index()).isEqualTo(4);
        assertThat(plain10.mode()).isEqualTo("thrpt");
        assertThat(plain10.threads()).isEqualTo(1);
        assertThat(plain10.forks()).isEqualTo(1);
        assertThat(plain10.jdkVersion()).isEqualTo("25.0.3");
        assertThat(plain10.jmhVersion()).isEqualTo("1.37");
        assertThat(plain10.params()).containsExactly(Map.entry("label", "plain"), Map.entry("size", "10"));
        Metric metric = plain10.primaryMetric();
        assertThat(metric.score()).isEqualTo(185455.8360496449);
        assertThat(metric.scoreError()).isEqualTo(73925.15579000545);
        assertThat(metric.scoreConfidence()).isEqualTo(new Interval(111530.68025963944, 259380.99183965032));
        assertThat(metric.scoreUnit()).isEqualTo("ops/ms");
        assertThat(metric.rawData())
                .containsExactly(List.of(180811.13793805186, 188267.5679560028, 187288.80225488005));
        assertThat(metric.scorePercentiles()).containsEntry("50.0", 187288.80225488005);
        assertThat(metric.forkCount()).isEqualTo(1);
        assertThat(metric.sampleCount()).isEqualTo(3);
        assertThat(plain10.secondaryMetrics()).containsOnlyKeys("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count");
        assertThat(run.results().getFirst().params()).isEmpty();
    }

    @Test
    void readsRunJsonAsTheContractDescribesIt() throws Exception {
        RunInfo info = RunReader.read(Fixtures.run(COMPLETE_ID)).info();

        assertThat(info.schemaVersion()).isEqualTo(1);
        assertThat(info.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(info.profile()).isEqualTo(new RunInfo.Profile("test", 1, 1, 100L, 3, 100L));
        assertThat(info.startedAt()).isEqualTo(Instant.parse("2026-11-26T13:25:16.482913Z"));
        assertThat(info.endedAt()).isEqualTo(Instant.parse("2026-11-26T13:25:22.357468Z"));
        assertThat(info.git()).isEqualTo(new RunInfo.Git("86bb15c5bae3c23e957bc10318de173174daee8d", "86bb15c", true));
        assertThat(info.jvm().flags()).containsExactly("-Xmx512m", "-XX:+UseParallelGC");
        assertThat(info.cpu()).isEqualTo(new RunInfo.Cpu("Intel(R) Xeon(R) Processor", 2, 2, "unknown", "max",
                314572800L));
        assertThat(info.workload()).containsExactly(Map.entry("memoryFootprintBytes", "629145600"));
        assertThat(info.benchmarks()).isEqualTo(new RunInfo.Counts(8, 8, 0));
        assertThat(info.failures()).isEmpty();
        assertThat(info.interruption()).isNull();
        assertThat(info.synthesized()).isFalse();
    }

    @Test
    void readsSampleTimeHistogramsAndCountsSamplesLikeJmh() throws Exception {
        Run run = RunReader.read(Fixtures.path("jmh-only/sampletime"));

        Metric bytes64 = run.results().getFirst().primaryMetric();
        assertThat(bytes64.rawData()).isEmpty();
        assertThat(bytes64.rawDataHistogram()).hasSize(1);
        assertThat(bytes64.rawDataHistogram().getFirst()).hasSize(2);
        assertThat(bytes64.rawDataHistogram().getFirst().getFirst().getFirst()).isEqualTo(new HistogramBin(0.033, 2));
        assertThat(bytes64.sampleCount()).isEqualTo(4896);
        assertThat(run.results().get(1).primaryMetric().sampleCount()).isEqualTo(4898);
        assertThat(run.results().getFirst().secondaryMetrics()).containsKey("p0.99");
    }

    @Test
    void synthesizesAnUnknownEnvironmentForAPlainJmhJson() throws Exception {
        RunInfo info = RunReader.read(Fixtures.path("jmh-only/sampletime")).info();

        assertThat(info.synthesized()).isTrue();
        assertThat(info.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(info.runId()).isEqualTo("sampletime");
        assertThat(info.jvm().version()).isEqualTo("25.0.3");
        assertThat(info.jvm().vmName()).isEqualTo("OpenJDK 64-Bit Server VM");
        assertThat(info.os().name()).isEqualTo("unknown");
        assertThat(info.git().commit()).isEqualTo("unknown");
        assertThat(info.startedAt()).isNull();
        assertThat(info.failures()).isEmpty();
    }

    @Test
    void toleratesNaNWhereJmhHadNoEstimate() throws Exception {
        Run run = RunReader.read(Fixtures.run(PARTIAL_ID + ".partial"));

        Metric metric = run.results().getFirst().primaryMetric();
        assertThat(metric.score()).isEqualTo(1.2881021890902078);
        assertThat(metric.scoreError()).isNaN();
        assertThat(metric.scoreConfidence().low()).isNaN();
        assertThat(metric.scoreConfidence().high()).isNaN();
    }

    @Test
    void toleratesANaNScore() throws Exception {
        Path dir = Fixtures.copy("jmh-only/sampletime", temp.resolve("nan"));
        Path jmhJson = dir.resolve("jmh.json");
        Files.writeString(jmhJson, Files.readString(jmhJson)
                .replaceFirst("\"score\" : 1.0566325571895423", "\"score\" : \"NaN\""));

        assertThat(RunReader.read(dir).results().getFirst().primaryMetric().score()).isNaN();
    }

    @Test
    void readsAPartialFolderAsPartialWhateverItsRunJsonSays() throws Exception {
        Path dir = Fixtures.copy("results/" + COMPLETE_ID, temp.resolve(COMPLETE_ID + ".partial"));

        Run run = RunReader.read(dir);

        assertThat(run.id()).isEqualTo(COMPLETE_ID);
        assertThat(run.folder().partial()).isTrue();
        assertThat(run.info().status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void readsInfoWithoutParsingResults() throws Exception {
        assertThat(RunReader.readInfo(Fixtures.run(PARTIAL_ID + ".partial")).interruption())
                .isEqualTo("SIGINT or SIGTERM");
        assertThat(RunReader.readInfo(Fixtures.path("jmh-only/sampletime")).status()).isEqualTo(RunStatus.UNKNOWN);
    }

    @Test
    void countsResultsWithoutBindingThem() throws Exception {
        assertThat(JmhJsonReader.count(Fixtures.run(COMPLETE_ID).resolve("jmh.json"))).isEqualTo(8);
    }

    @Test
    void rejectsAMissingFolderOrJmhJsonByName() throws Exception {
        Path missing = temp.resolve("nope");
        assertThatThrownBy(() -> RunReader.read(missing))
                .isInstanceOf(RunReadException.class)
                .hasMessage(missing + ": no such run folder");

        Files.createDirectories(missing);
        assertThatThrownBy(() -> RunReader.read(missing))
                .hasMessage(missing.toAbsolutePath().resolve("jmh.json")
                        + ": missing: a run folder must hold jmh.json");
    }
}
