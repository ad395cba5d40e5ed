package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.runner.AutoParams;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark for milliseconds under the test profile (counts of a few units), in this JVM (no fork): it measures,
 * its timed units park, and each sweep is written as the memory log the harness reads.
 */
class MemoryFootprintBenchmarkSmokeTest {

    @TempDir
    static Path memoryDir;

    @BeforeAll
    static void testProfile() {
        System.setProperty("jmh.ignoreLock", "true");
        System.setProperty(AutoParams.PROFILE_PROPERTY, "test");
        System.setProperty(MemoryLog.DIR_PROPERTY, memoryDir.toString());
    }

    @AfterAll
    static void noLog() {
        System.clearProperty(MemoryLog.DIR_PROPERTY);
        System.clearProperty(AutoParams.PROFILE_PROPERTY);
    }

    @Test
    void startsParksAndLogsEachKindOfUnit() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MemoryFootprintBenchmark.class.getName() + ".startAndPark$")
                .forks(0).warmupIterations(0).measurementIterations(2)
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT).build()).run();

        assertThat(results).hasSize(3);
        results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
        File[] logs = memoryDir.toFile().listFiles((dir, name) -> name.endsWith(".json"));
        assertThat(Arrays.stream(logs).map(f -> f.getName().substring(0, f.getName().indexOf('-'))))
                .containsExactlyInAnyOrder("platform", "virtual", "jvm");
        for (File log : logs) {
            JsonNode json = new ObjectMapper().readTree(log);
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(json.get("steps")).hasSize(MemorySweep.counts(UnitKind.parse(json.get("unit").asText()),
                    io.execbench.runner.Profile.TEST).size());
            assertThat(json.get("limits").get("threadsMax").isNumber()).isTrue();
            assertThat(json.get("stoppedAt").isNull()).isTrue();
        }
    }
}
