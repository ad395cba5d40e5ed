package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.HarnessMain;
import io.execbench.harness.ReportResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Server under load" section of the synthetic server fixture and of the recorded 2-CPU run, rendered through the
 * command line.
 */
class ServerReportTest {

    static final String RUN_ID = "2026-12-03T09-00-00Z_0000000_501b61";
    static final String RECORDED_RUN_ID = "2026-12-02T11-01-57Z_4e49d26_501b61";

    private static String render(Path dir, Path run, StringWriter err) throws Exception {
        return render(dir, run, err, RUN_ID);
    }

    private static String render(Path dir, Path run, StringWriter err, String runId) throws Exception {
        int code = HarnessMain.execute(new String[] {"report", run.toString(), "--reports=" + dir.resolve("reports")},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("stderr: %s", err).isEqualTo(HarnessMain.OK);
        return Files.readString(ReportWriter.reportFile(dir.resolve("reports"), runId));
    }

    private static Path copy(Path dir) throws Exception {
        return copy(dir, "server", RUN_ID);
    }

    private static Path copy(Path dir, String fixture, String runId) throws Exception {
        Path source = ReportResources.path(fixture);
        Path run = dir.resolve("results").resolve(runId);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = run.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return run;
    }

    @Test
    void theSectionAnswersFirstThenShowsEachChartAndTable(@TempDir Path dir) throws Exception {
        String html = render(dir, copy(dir), new StringWriter());
        String section = html.substring(html.indexOf("<section id=\"server\""));
        section = section.substring(0, section.indexOf("</section>"));

        assertThat(section).contains("<h2>Server under load</h2>");
        assertThat(section.indexOf("virtual keeps the cheap route&#39;s p99 lowest"))
                .as("the answer is the first note").isLessThan(section.indexOf("<figure>")).isPositive();
        assertThat(section).contains("Cheap requests at 0% heavy: latency against offered load",
                "Cheap requests at 1% heavy", "Cheap requests at 10% heavy",
                "Cheap requests at 1500 req/s and 1% heavy: latency by percentile",
                "The blocking probe: cheap p99 at 1500 req/s", "sustainable at 10% heavy (req/s)",
                "3000 req/s (between 3000 and 5000)", "event loop lag at the shared rate",
                "ab -k -n 1000 -c 20 against eventLoop", "-2.2%", "+2.4%", "open loop at 8399 req/s (ms)",
                "no interval log: latency/server-threadPool-h1@1500.hlog is absent or unreadable",
                "SO_REUSEPORT", "Node&#39;s cluster module", "not run: the sweep stopped at 1000 req/s");
        assertThat(section.split("<figure><svg", -1)).hasSize(6); // 3 load charts, percentiles, probe
        assertThat(section.split("<table", -1).length - 1).isEqualTo(10);
        assertThat(section).contains("Capacity for heavy requests (closed loop, 20 connections, heavy route only)",
                "1 (the reference)", "Processes, capacity for heavy requests: processes-2 completes 166.3 [159.2, "
                        + "173.4] heavy requests/s, processes-1 88.57 [78.94, 98.20]: 1.877 [1.699, 2.075] x (99.9%).");
        assertThat(html).contains("href=\"#server\"").contains("CPU-heavy work on an event loop delays");
        for (String svg : section.split("<svg ")) {
            String chart = svg.substring(0, Math.max(0, svg.indexOf("</svg>")));
            assertThat(chart).as("no coordinate is NaN or infinite").doesNotContain("NaN", "Infinity");
        }
    }

    @Test
    void theRecordedRunListsEveryCapacityAndSupportsTheClusterClaim(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        String html = render(dir, copy(dir, "server-recorded", RECORDED_RUN_ID), err, RECORDED_RUN_ID);
        String section = html.substring(html.indexOf("<section id=\"server\""));
        section = section.substring(0, section.indexOf("</section>"));
        String table = section.substring(section.indexOf("Capacity for heavy requests (closed loop, 20 connections, "
                + "heavy route only)"));
        table = table.substring(0, table.indexOf("</table>"));

        assertThat(err.toString()).doesNotContain("warning");
        assertThat(table.split("<tr class=\"result\">", -1)).hasSize(8);
        assertThat(table).contains(">eventLoop<", ">loopOffload-4<", ">loopOffload-2<", ">threadPool<", ">virtual<",
                ">processes-1<", ">processes-2<", "100.0 [100.0, 100.0]", "177.3 [65.86, 288.8]", "1 (the reference)",
                "72.93", "158.9", "3 of 4");
        assertThat(section).contains("Processes, capacity for heavy requests: processes-2 completes 177.3 [65.86, "
                + "288.8] heavy requests/s, processes-1 88.00 [88.00, 88.00]: 2.015 [1.075, 3.778] x (99.9%).");
        String claim = html.substring(html.indexOf("More processes serve more requests"));
        claim = claim.substring(0, claim.indexOf("</tr>"));
        assertThat(claim).contains("processes-2 completes 177.3 [65.86, 288.8] heavy requests/s, processes-1 88.00 "
                + "[88.00, 88.00]: 2.015 [1.075, 3.778] x (99.9%, closed loop, 20 connections).")
                .contains(">supported<");
    }

    @Test
    void textsFromTheFilesAreEscapedAndABadFileIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
        Path run = copy(dir);
        Path eventLoop = run.resolve("server/eventLoop.json");
        Files.writeString(eventLoop, Files.readString(eventLoop).replace("\"generator and server share CPUs 0-1: "
                + "the machine has 2\"", "\"<script>alert(1)</script><img src=x onerror=alert(2)>\""));
        Files.writeString(run.resolve("server/ab.json"), "{\"schema\":1,\"available\":false,"
                + "\"reason\":\"<b>ab</b> \\u001b[31m missing\"}");
        Files.writeString(run.resolve("server/virtual.json"), "{\"schema\": 7}");
        StringWriter err = new StringWriter();

        String html = render(dir, run, err);

        assertThat(html).doesNotContain("<script>alert", "<img src=x", "<b>ab</b>")
                .contains("eventLoop: &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#61;x onerror&#61;alert(2)&gt;")
                .contains("ab cross-check: not run: &lt;b&gt;ab&lt;/b&gt;")
                .contains("Left out: server/virtual.json: schema must be 1");
        assertThat(err.toString()).contains("warning: server/virtual.json: schema must be 1").doesNotContain("\u001b");
    }
}
