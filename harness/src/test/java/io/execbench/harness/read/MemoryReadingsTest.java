package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** memory/*.json as untrusted input: a real smoke run's sweeps read exactly, hostile ones refused naming the file. */
class MemoryReadingsTest {

    private static final Path SMOKE_RUN = Path.of("src/test/resources/memory/smoke-run");

    @TempDir
    Path run;

    @Test
    void readsARealRunsSweepsExactly() throws Exception {
        var sweeps = MemoryReadings.readAll(SMOKE_RUN);

        assertThat(sweeps).extracting(MemoryReadings::unit).containsExactly("jvm", "platform", "virtual");
        MemoryReadings platform = sweeps.get(1);
        assertThat(platform.steps()).extracting(MemoryReadings.Step::count).containsExactly(1L, 100L, 300L, 500L);
        assertThat(platform.steps().getFirst()).isEqualTo(new MemoryReadings.Step(1, 53_604_352, 31_822_848, 22, 222,
                1, 23_950_368_768L, 528.198469));
        assertThat(platform.limits().threadsMax()).isEqualTo(192_725L);
        assertThat(platform.limits().pidsMax()).isNull();
        assertThat(platform.stoppedAt()).isNull();
        assertThat(sweeps.getFirst().steps()).extracting(MemoryReadings.Step::processes).containsExactly(1L, 2L, 3L);
    }

    @Test
    void noFolderIsNoSweep() throws Exception {
        assertThat(MemoryReadings.readAll(run)).isEmpty();
    }

    @Test
    void readsAStopWithItsReason() throws Exception {
        Path file = write("""
                {"schemaVersion": 1, "unit": "virtual", "limits": null,
                 "steps": [{"count": 1, "rssBytes": 10, "pssBytes": 9, "threads": 20, "mappings": 200, "processes": 1,
                            "memAvailableBytes": -1, "startMs": 1.5}],
                 "stoppedAt": {"count": 1000000, "reason": "memory: 1536 MiB more would leave too little"}}
                """);

        MemoryReadings sweep = MemoryReadings.read(file);

        assertThat(sweep.stoppedAt()).isEqualTo(new MemoryReadings.Stop(1_000_000, "memory: 1536 MiB more would "
                + "leave too little"));
        assertThat(sweep.limits()).isEqualTo(MemoryReadings.Limits.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|expected a JSON object",
        "{\"schemaVersion\": 2}|schemaVersion must be 1",
        "{\"schemaVersion\": 1, \"unit\": \"<b>fiber</b>\", \"steps\": []}|unit must be one of platform, virtual, jvm",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": {}}|steps must be an array",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": [{\"count\": 0}]}|steps[0].count must be a whole number",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": [{\"count\": 1, \"rssBytes\": -5}]}|steps[0].rssBytes",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": [{\"count\": 1, \"rssBytes\": 1e300}]}|steps[0].rssBytes",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": [], \"limits\": {\"threadsMax\": \"many\"}}|limits.threadsMax",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": [], \"stoppedAt\": 3}|stoppedAt must be null or an object",
        "{\"schemaVersion\": 1, \"unit\": \"jvm\", \"steps\": [], \"stoppedAt\": {\"count\": 2}}|stoppedAt.reason",
    })
    void refusesHostileInputNamingTheFileAndTheField(String json, String problem) throws Exception {
        Path file = write(json);

        assertThatThrownBy(() -> MemoryReadings.readAll(run)).isInstanceOf(RunReadException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(problem);
    }

    @Test
    void refusesCountsThatDoNotAscend() throws Exception {
        String step = "{\"count\": 5, \"rssBytes\": 1, \"pssBytes\": 1, \"threads\": 1, \"mappings\": 1, "
                + "\"processes\": 1, \"memAvailableBytes\": 1, \"startMs\": 1}";
        Path file = write("{\"schemaVersion\": 1, \"unit\": \"platform\", \"steps\": [" + step + ", " + step + "]}");

        assertThatThrownBy(() -> MemoryReadings.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("steps[1].count must be above the step before's");
    }

    @Test
    void refusesALinkInsteadOfASweep() throws Exception {
        Path target = Files.writeString(run.resolve("elsewhere.json"), "{}");
        Path link = Files.createSymbolicLink(Files.createDirectories(run.resolve(MemoryReadings.DIR))
                .resolve("platform-1.json"), target);

        assertThatThrownBy(() -> MemoryReadings.readAll(run)).hasMessageContaining(link.toString())
                .hasMessageContaining("symbolic link");
    }

    private Path write(String content) throws Exception {
        return Files.writeString(Files.createDirectories(run.resolve(MemoryReadings.DIR)).resolve("platform-1.json"),
                content);
    }
}
