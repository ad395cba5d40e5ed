package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.read.RunReadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseJsonTest {

    private static final String BENCHMARK = "io.execbench.workload.KernelBenchmark.run [kernel=fp, workUnits=1000] (avgt)";

    @Test
    void aModelReadsBackAsItWasWritten(@TempDir Path dir) throws Exception {
        NoiseModel model = new NoiseModel("b663e4", "quick", List.of("r1", "r2"), Map.of(BENCHMARK,
                Map.of("score", 0.31, "score/canary.cpu", 0.12, "score/canary.fp", 0.025)));

        NoiseJson.write(model, dir.resolve("noise.json"));

        assertThat(NoiseJson.read(dir.resolve("noise.json"))).isEqualTo(model);
    }

    @Test
    void aFileFromBeforeTheFpCanaryReadsItsCanaryFloorAsTheIntegerCanarys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noise.json");
        Files.writeString(file, """
                {"formatVersion": 1, "machineFingerprint": "b663e4", "profile": "quick", "runs": ["r1", "r2"],
                 "floors": {"%s": {"score": 0.31, "score/canary": 0.021}}}
                """.formatted(BENCHMARK));

        NoiseModel model = NoiseJson.read(file);

        assertThat(model.floors().get(BENCHMARK)).containsExactly(Map.entry("score", 0.31),
                Map.entry("score/canary.cpu", 0.021));
    }

    @Test
    void aNegativeFloorIsRefusedNamingTheFileAndTheBenchmark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noise.json");
        Files.writeString(file, """
                {"formatVersion": 1, "runs": [], "floors": {"%s": {"score": -0.1}}}
                """.formatted(BENCHMARK));

        assertThatThrownBy(() -> NoiseJson.read(file)).isInstanceOf(RunReadException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("KernelBenchmark.run")
                .hasMessageContaining("a floor must be a number from 0 to 1000");
    }
}
