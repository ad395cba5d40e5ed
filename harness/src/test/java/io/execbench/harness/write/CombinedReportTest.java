package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.HarnessMain;
import io.execbench.harness.ReportResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run holding every suite's real fixture output, rendered through the command line. */
class CombinedReportTest {

    static final String RUN_ID = "2026-11-26T13-49-01Z_7366991_b663e4";

    /** Renders the combined fixture run into {@code dir/reports} and returns the report file. */
    static Path render(Path dir) {
        Path run = ReportResources.combinedRun(dir.resolve("results"), RUN_ID);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarnessMain.execute(new String[] {"report", run.toString(), "--reports=" + dir.resolve("reports")},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("stderr: %s", err).isEqualTo(HarnessMain.OK);
        return ReportWriter.reportFile(dir.resolve("reports"), RUN_ID);
    }

    @Test
    void showsEverySectionOfACombinedRun(@TempDir Path dir) throws Exception {
        Path report = render(dir);
        String html = Files.readString(report);
        if (System.getProperty("report.copyTo") != null) {
            Files.copy(report, Path.of(System.getProperty("report.copyTo")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(html).contains("id=\"findings\"", "id=\"claims\"", "id=\"latency\"", "id=\"models\"",
                "id=\"ipc\"", "id=\"scaling\"", "id=\"server\"", "id=\"processes\"", "tasks per start-up: ", "id=\"faults\"", "JVM died (exit 42)", "CPU topology");
        assertThat(Files.size(report)).as("report bytes (quality bar: a quick run under 5 MB)")
                .isLessThan(5L << 20);
        for (String svg : html.split("<svg ")) {
            String chart = svg.substring(0, Math.max(0, svg.indexOf("</svg>")));
            assertThat(chart).as("no coordinate is NaN or infinite").doesNotContain("NaN", "Infinity");
        }
    }
}
