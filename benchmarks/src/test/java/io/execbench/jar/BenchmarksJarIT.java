package io.execbench.jar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.child.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code benchmarks/target/benchmarks.jar} works as any JMH project's does: {@code java -jar} lists every
 * suite and runs one. Run by {@code mvn verify} after the jar is shaded (see the module's pom); the jar's path comes
 * in {@value #JAR_PROPERTY}.
 */
class BenchmarksJarIT {

    static final String JAR_PROPERTY = "execbench.benchmarksJar";
    private static final String KERNEL_BASELINE = "io.execbench.workload.KernelBenchmark.baseline";

    @TempDir
    Path temp;

    @Test
    void listsEverySuite() throws Exception {
        String listing = runJar("-l");

        assertThat(listing).contains(KERNEL_BASELINE, "io.execbench.ipc.IpcRoundTripBenchmark.roundTrip",
                "io.execbench.scaling.ScalingBenchmark.parallel", "io.execbench.cpu.ProcessStartupBenchmark");
    }

    @Test
    void runsOneBenchmarkAndWritesJmhJson() throws Exception {
        Path json = temp.resolve("result.json");

        runJar(KERNEL_BASELINE, "-p", "kernel=alu", "-f", "1", "-wi", "0", "-i", "1", "-r", "10ms",
                "-rf", "json", "-rff", json.toString());

        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("benchmark").asText()).isEqualTo(KERNEL_BASELINE);
        assertThat(results.get(0).get("params").get("kernel").asText()).isEqualTo("alu");
        assertThat(results.get(0).get("primaryMetric").get("score").asDouble()).isPositive();
    }

    @Test
    void runsASuiteWhosePeerJvmStartsFromTheJarWithItsAutoParamsResolved() throws Exception {
        Path json = temp.resolve("ipc.json");

        runJar("IpcRoundTripBenchmark.roundTrip", "-p", "transport=pipe", "-f", "1", "-wi", "0", "-i", "1",
                "-r", "10ms", "-rf", "json", "-rff", json.toString());

        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("params").get("payloadBytes").asText()).isEqualTo("auto");
        assertThat(results.get(0).get("primaryMetric").get("score").asDouble()).isPositive();
    }

    /** Runs {@code java -jar benchmarks.jar args} with its temporary folder (JMH's lock too) in {@link #temp}. */
    private String runJar(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty(JAR_PROPERTY);
        assertThat(jar).as("system property " + JAR_PROPERTY + " (set by the benchmarks pom)").isNotNull();
        assertThat(Path.of(jar)).as("run mvn package first").isRegularFile();
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(), "-Djava.io.tmpdir=" + temp,
                "-jar", jar));
        command.addAll(List.of(args));
        Path output = temp.resolve("jmh-console.txt");
        Process jmh = ChildJvm.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()));
        try {
            boolean exited = jmh.waitFor(120, TimeUnit.SECONDS);
            String console = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exited).as("java -jar benchmarks.jar %s still running after 120 s:%n%s", args, console)
                    .isTrue();
            assertThat(jmh.exitValue()).as(console).isZero();
            return console;
        } finally {
            jmh.descendants().forEach(ProcessHandle::destroyForcibly);
            jmh.destroyForcibly();
        }
    }
}
