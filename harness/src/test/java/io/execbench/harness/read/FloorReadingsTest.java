package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorReadingsTest {

    static Path floorRun() {
        try {
            Path dir = Path.of(FloorReadingsTest.class.getResource("/floor").toURI());
            try (var runs = Files.list(dir)) {
                return runs.filter(Files::isDirectory).findFirst().orElseThrow();
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheRunnersFile() throws Exception {
        FloorReadings floor = FloorReadings.read(floorRun()).orElseThrow();
        assertThat(floor.compiler()).contains("cc");
        assertThat(floor.unavailable()).isNull();
        assertThat(floor.points()).hasSize(12);
        FloorReadings.Point first = floor.points().getFirst();
        assertThat(first.transport()).isEqualTo("pipe");
        assertThat(first.payloadBytes()).isEqualTo(64);
        assertThat(first.placement()).isEqualTo("split");
        assertThat(first.runs()).hasSize(2).allSatisfy(run -> assertThat(run.p50Ns()).isPositive());
    }

    @Test
    void aRunWithoutTheFileHasNoFloor(@TempDir Path run) throws Exception {
        assertThat(FloorReadings.read(run)).isEmpty();
    }

    @Test
    void aRunWithoutACompilerSaysWhy(@TempDir Path run) throws Exception {
        write(run, """
                {"schemaVersion": 1, "compiler": null, "unavailable": "no C compiler (cc, gcc or clang) on PATH",
                 "points": []}""");
        FloorReadings floor = FloorReadings.read(run).orElseThrow();
        assertThat(floor.unavailable()).isEqualTo("no C compiler (cc, gcc or clang) on PATH");
        assertThat(floor.points()).isEmpty();
    }

    @Test
    void refusesWhatIsNotTheContractsShapeNamingTheFile(@TempDir Path run) throws Exception {
        for (String[] bad : List.of(
                new String[] {"[]", "not a JSON object"},
                new String[] {"{\"schemaVersion\": 2, \"points\": []}", "schemaVersion 2"},
                new String[] {"{\"schemaVersion\": 1}", "no \"points\" array"},
                new String[] {point("\"transport\": \"pipe\", \"placement\": \"split\", \"payloadBytes\": -1"),
                        "payloadBytes is not a whole number"},
                new String[] {point("\"transport\": \"pipe\", \"placement\": \"split\", \"payloadBytes\": 64, "
                        + "\"runs\": [{\"roundTrips\": 10, \"p50Ns\": \"fast\", \"p99Ns\": 2, \"meanNs\": 2}]"),
                        "point 1, run 1: p50Ns is not a positive number"},
                new String[] {point("\"placement\": \"split\", \"payloadBytes\": 64"), "has no transport"})) {
            write(run, bad[0]);
            assertThatThrownBy(() -> FloorReadings.read(run)).isInstanceOf(RunReadException.class)
                    .hasMessageContaining(run.resolve("floor.json").toString()).hasMessageContaining(bad[1]);
        }
    }

    @Test
    void cutsLongTexts(@TempDir Path run) throws Exception {
        write(run, "{\"schemaVersion\": 1, \"unavailable\": \"" + "x".repeat(10_000) + "\", \"points\": []}");
        assertThat(FloorReadings.read(run).orElseThrow().unavailable()).hasSize(503).endsWith("...");
    }

    private static String point(String fields) {
        return "{\"schemaVersion\": 1, \"points\": [{" + fields + "}]}";
    }

    private static void write(Path run, String content) throws IOException {
        Files.writeString(run.resolve(FloorReadings.FILE_NAME), content);
    }
}
