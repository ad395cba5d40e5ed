package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken input fails at the boundary, with a message that names the file and what is wrong with it. */
class RunReaderErrorsTest {

    @TempDir
    Path temp;

    @Test
    void truncatedJmhJsonNamesTheFileAndWhereItEnds() {
        Path dir = Fixtures.path("broken/truncated");

        assertThatThrownBy(() -> RunReader.read(dir))
                .isInstanceOf(RunReadException.class)
                .hasMessage(dir.resolve("jmh.json")
                        + ": truncated JSON (unexpected end of input at line 36, column 6)")
                .satisfies(e -> assertThat(((RunReadException) e).path()).isEqualTo(dir.resolve("jmh.json")));
    }

    @Test
    void benchmarkWithoutPrimaryMetricIsNamedByPosition() {
        Path dir = Fixtures.path("broken/no-primary-metric");

        assertThatThrownBy(() -> RunReader.read(dir))
                .isInstanceOf(RunReadException.class)
                .hasMessage(dir.resolve("jmh.json")
                        + ": benchmark 3 has no primaryMetric (fixture.ParamBench.hash)");
    }

    @Test
    void topLevelObjectIsNotAResultsArray() {
        Path dir = Fixtures.path("broken/not-an-array");

        assertThatThrownBy(() -> RunReader.read(dir))
                .hasMessage(dir.resolve("jmh.json") + ": expected a JSON array of benchmark results");
    }

    @Test
    void newerSchemaVersionIsRejected() {
        Path dir = Fixtures.path("broken/schema-too-new");

        assertThatThrownBy(() -> RunReader.read(dir))
                .isInstanceOf(RunReadException.class)
                .hasMessage(dir.resolve("run.json") + ": schemaVersion 2 is newer than this harness supports (1)");
    }

    @Test
    void emptyJmhJsonIsReportedAsEmpty() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(dir.resolve("jmh.json"), "");

        assertThatThrownBy(() -> RunReader.read(dir))
                .hasMessage(dir.resolve("jmh.json") + ": empty file, expected a JSON array of benchmark results");
    }

    @Test
    void wrongTypeNamesTheBenchmarkAndField() throws Exception {
        Path dir = Fixtures.copy("jmh-only/sampletime", temp.resolve("typo"));
        Path jmhJson = dir.resolve("jmh.json");
        Files.writeString(jmhJson, Files.readString(jmhJson).replaceFirst("\"threads\" : 1", "\"threads\" : [1]"));

        assertThatThrownBy(() -> RunReader.read(dir))
                .hasMessageStartingWith(jmhJson + ": benchmark 1: unexpected value at threads at line 6, column 21 (");
    }

    @Test
    void unknownStatusIsRejected() throws Exception {
        Path dir = Fixtures.copy("results/" + Fixtures.COMPLETE_ID, temp.resolve("status"));
        Path runJson = dir.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"complete\"", "\"done\""));

        assertThatThrownBy(() -> RunReader.read(dir))
                .hasMessage(runJson + ": status 'done' is not one of complete, failed, partial");
    }

    @Test
    void emptyResultsArrayIsARunWithoutResults() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("none"));
        Files.writeString(dir.resolve("jmh.json"), "[]");

        assertThat(RunReader.read(dir).results()).isEmpty();
    }
}
