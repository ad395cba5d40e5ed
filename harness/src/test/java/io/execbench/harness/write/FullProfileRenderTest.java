package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.ReportResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality bar "a run of the full profile renders in under 1 GiB of heap", on a synthetic
 * run derived from the real combined fixture: every result three times (a {@code copy} parameter keeps them apart,
 * so there are three times the charts), and every SampleTime result with 3 forks x 10 iterations of histogram bins,
 * as the full profile (3 forks, 10 iterations) writes them. Rendered by the command line in a separate JVM with
 * {@code -Xmx1g}, so the heap limit is real. The time it takes is printed, not asserted: the other bar, "in under
 * 10 seconds", is a figure for a benchmark run and the notes, since this machine is shared and the test must pass
 * with both CPUs busy.
 */
class FullProfileRenderTest {

    private static final int COPIES = 3;
    private static final int FORKS = 3;
    private static final int ITERATIONS = 10;

    @Test
    void rendersAFullProfileSizedRunWithAGibibyteOfHeap(@TempDir Path dir) throws Exception {
        Path run = ReportResources.combinedRun(dir.resolve("results"), CombinedReportTest.RUN_ID);
        enlarge(run.resolve("jmh.json"));
        long jmhBytes = Files.size(run.resolve("jmh.json"));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx1g", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "io.execbench.harness.HarnessMain", "report", run.toString(),
                "--reports=" + dir.resolve("reports"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            // A bound on a hang, not a speed target: minutes beyond any render seen.
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path report = ReportWriter.reportFile(dir.resolve("reports"), CombinedReportTest.RUN_ID);
        System.out.printf("full-profile-sized render: jmh.json %d MB, %d ms including JVM start, report %d KB%n",
                jmhBytes >> 20, elapsedMs, Files.size(report) >> 10);
        assertThat(report).isRegularFile();
    }

    /** Three copies of every result, SampleTime histograms grown to FORKS x ITERATIONS. */
    private static void enlarge(Path jmhJson) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = (ArrayNode) json.readTree(jmhJson.toFile());
        ArrayNode out = json.createArrayNode();
        for (int copy = 1; copy <= COPIES; copy++) {
            for (JsonNode result : results) {
                ObjectNode copied = result.deepCopy();
                ObjectNode params = copied.has("params") ? (ObjectNode) copied.get("params") : copied.putObject("params");
                params.put("copy", Integer.toString(copy));
                JsonNode histogram = copied.path("primaryMetric").path("rawDataHistogram");
                if (histogram.isArray() && !histogram.isEmpty()) {
                    ((ObjectNode) copied.get("primaryMetric")).set("rawDataHistogram", grown((ArrayNode) histogram));
                }
                out.add(copied);
            }
        }
        json.writeValue(jmhJson.toFile(), out);
    }

    private static ArrayNode grown(ArrayNode forks) {
        List<JsonNode> iterations = new ArrayList<>();
        forks.forEach(fork -> fork.forEach(iterations::add));
        ArrayNode grown = forks.arrayNode();
        for (int f = 0; f < FORKS; f++) {
            ArrayNode fork = grown.addArray();
            for (int i = 0; i < ITERATIONS; i++) {
                fork.add(iterations.get((f * ITERATIONS + i) % iterations.size()).deepCopy());
            }
        }
        return grown;
    }
}
