package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.latency.IntervalLog;
import io.execbench.runner.AutoParams;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The benchmark for milliseconds under the test profile (one 200 ms load step at 200 requests/s per setup), in this
 * JVM (no fork), the servers in child JVMs: each setup's sweep is written where the harness reads it, with its
 * interval log, the ab cross-check beside eventLoop's, and the cheap round trip measured after it.
 */
class ServerLoadBenchmarkSmokeTest {

    @TempDir
    static Path runDir;

    @BeforeAll
    static void testProfile() {
        System.setProperty("jmh.ignoreLock", "true");
        System.setProperty(AutoParams.PROFILE_PROPERTY, "test");
        System.setProperty(ServerLog.DIR_PROPERTY, runDir.resolve("server").toString());
        System.setProperty(IntervalLog.DIR_PROPERTY, runDir.resolve("latency").toString());
    }

    @AfterAll
    static void noLogs() {
        System.clearProperty(ServerLog.DIR_PROPERTY);
        System.clearProperty(AutoParams.PROFILE_PROPERTY);
        System.clearProperty(IntervalLog.DIR_PROPERTY);
    }

    @Test
    void sweepsEachSetupOnceAndMeasuresTheCheapRoundTrip() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ServerLoadBenchmark.class.getName() + ".cheapRequest$")
                .param("server", "eventLoop", "processes-2", "virtual")
                .forks(0).warmupIterations(0).measurementIterations(2).measurementTime(
                        org.openjdk.jmh.runner.options.TimeValue.milliseconds(20))
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT).build()).run();

        assertThat(results).hasSize(3);
        results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
        for (String label : new String[] {"eventLoop", "processes-2", "virtual"}) {
            JsonNode json = new ObjectMapper().readTree(runDir.resolve("server").resolve(label + ".json").toFile());
            assertThat(json.get("schema").asInt()).isEqualTo(1);
            assertThat(json.get("label").asText()).isEqualTo(label);
            JsonNode step = json.get("steps").get(0);
            assertThat(step.get("heavyShare").asDouble()).isEqualTo(0.01);
            assertThat(step.get("offeredPerSec").asDouble()).isEqualTo(200);
            assertThat(step.get("completed").asLong() + step.get("errors").asLong() + step.get("timeouts").asLong())
                    .isPositive();
            assertThat(step.get("routes").get("cheap").get("p99Us").asDouble()).isPositive();
            assertThat(step.get("loopLag").isNull()).isEqualTo(label.equals("virtual"));
            assertThat(runDir.resolve("latency").resolve(step.get("hlog").asText())).isRegularFile();
            JsonNode capacity = json.get("capacity");
            assertThat(capacity.get("heavyShare").asDouble()).isEqualTo(1.0);
            assertThat(capacity.get("completed").asLong() + capacity.get("errors").asLong()
                    + capacity.get("timeouts").asLong()).isPositive();
        }
        JsonNode ab = new ObjectMapper().readTree(runDir.resolve("server").resolve("ab.json").toFile());
        if (ab.get("available").asBoolean()) {
            assertThat(ab.get("ab").get("requestsPerSec").asDouble()).isPositive();
            assertThat(ab.get("closedLoop").get("requestsPerSec").asDouble()).isPositive();
            assertThat(ab.get("openLoop").get("percentilesMs").get("99").asDouble()).isPositive();
        } else {
            assertThat(ab.get("reason").asText()).contains("ab");
        }
        try (var files = Files.list(runDir.resolve("server"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("eventLoop.json", "processes-2.json", "virtual.json", "ab.json");
        }
    }
}
