package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.analyse.Analysis;
import io.execbench.harness.analyse.Experiments;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.analyse.ResultGrouping;
import io.execbench.harness.chart.ReportCharts;
import io.execbench.harness.read.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload's class name and size unit come from results files: the report shows them escaped, never as markup. */
class WorkloadReportSafetyTest {

    private static final String CLASS_NAME = "com.example.hash.BufferHashWorkload";
    private static final String HOSTILE_CLASS = "<b onclick=alert(1)>x";
    private static final String HOSTILE_UNIT = "<script>alert(2)</script>";

    @TempDir
    Path dir;

    @Test
    void aHostileClassNameAndSizeUnitAreEscapedInTheAnswerSectionAndCharts() throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path fixture = ReportResources.path("workload");
        Files.writeString(runDir.resolve("jmh.json"),
                Files.readString(fixture.resolve("jmh.json")).replace(CLASS_NAME, HOSTILE_CLASS));
        Files.writeString(runDir.resolve("run.json"), Files.readString(fixture.resolve("run.json"))
                .replace(CLASS_NAME, HOSTILE_CLASS).replace("\"bytes hashed\"", "\"" + HOSTILE_UNIT + "\""));

        String html = render(runDir, dir.resolve("reports"));

        String page = ReportSafetyTest.withoutOwnScript(html);
        assertThat(page).doesNotContain("<b ").doesNotContainIgnoringCase("<script").doesNotContain("alert(2)</");
        assertThat(page).contains("For your task &lt;b onclick&#61;alert(1)&gt;x at size 7934681 "
                + "(&lt;script&gt;alert(2)&lt;/script&gt;; about");
        assertThat(page).contains("id=\"workload\"");
        ReportSafetyTest.assertSelfContained(html);
    }

    private static String render(Path runDir, Path reports) throws Exception {
        Run run = RunReader.read(runDir);
        MachineFacts machine = MachineFacts.read(runDir);
        Experiments experiments = Experiments.of(run, LatencyLogReader.readAll(runDir), machine);
        List<ResultGroup> groups = ResultGrouping.group(run.results());
        Analysis analysis = Analysis.of(experiments);
        Path file = ReportWriter.write(ReportPageBuilder.build(run, groups, ReportCharts.render(groups, analysis),
                analysis, machine), reports);
        return Files.readString(file);
    }
}
