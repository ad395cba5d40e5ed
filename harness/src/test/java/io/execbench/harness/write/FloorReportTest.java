package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.HarnessMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IPC section of the real floor fixture's report: the C floor, the ratios, the warm-up flag. */
class FloorReportTest {

    private static Path copyOfTheFloorRun(Path results) throws Exception {
        Path source;
        try (Stream<Path> runs = Files.list(Path.of(FloorReportTest.class.getResource("/floor").toURI()))) {
            source = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path run = results.resolve(source.getFileName().toString());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = run.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return run;
    }

    private static String render(Path dir, Path run) throws Exception {
        StringWriter err = new StringWriter();
        int code = HarnessMain.execute(new String[] {"report", run.toString(), "--reports=" + dir.resolve("reports")},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("stderr: %s", err).isEqualTo(HarnessMain.OK);
        return Files.readString(ReportWriter.reportFile(dir.resolve("reports"), run.getFileName().toString()));
    }

    @Test
    void theIpcSectionAnswersAgainstTheCFloorFirst(@TempDir Path dir) throws Exception {
        String html = render(dir, copyOfTheFloorRun(dir.resolve("results")));
        String ipc = html.substring(html.indexOf("id=\"ipc\""));

        assertThat(ipc.indexOf("Against the same mechanism in C")).as("the answer comes first")
                .isLessThan(ipc.indexOf("Round-trip time and throughput"));
        assertThat(ipc).contains("p50 Java/C [99.9%]", "C floor (mean)", "dotted: the same mechanism in C")
                .contains("Not steady: 4 of 4 benchmarks");
        assertThat(html).contains("Java against C (same run): p50 "); // the finding's headline
    }

    @Test
    void aHostileFloorReasonIsShownAsText(@TempDir Path dir) throws Exception {
        Path run = copyOfTheFloorRun(dir.resolve("results"));
        Files.writeString(run.resolve("floor.json"), """
                {"schemaVersion": 1, "unavailable": "<img src=x onerror=alert(1)>", "points": []}""");
        String html = render(dir, run);
        assertThat(html).doesNotContain("<img src=x").contains("No C floor in this run: &lt;img src&#61;x");
    }
}
