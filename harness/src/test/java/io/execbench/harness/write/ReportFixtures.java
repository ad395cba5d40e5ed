package io.execbench.harness.write;

import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.analyse.ResultGrouping;
import io.execbench.harness.chart.ScoreChartRenderer;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders a fixture run's report the way the report command does, and returns the HTML. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static String render(Path runDir, Path reportsDir) throws Exception {
        Run run = RunReader.read(runDir);
        List<ResultGroup> groups = ResultGrouping.group(run.results());
        List<String> charts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            charts.add(ScoreChartRenderer.render(groups.get(i), "chart-" + (i + 1)));
        }
        Path file = ReportWriter.write(ReportPageBuilder.build(run, groups, charts), reportsDir);
        return Files.readString(file);
    }
}
