package io.execbench.harness.chart;

import io.execbench.harness.analyse.MemoryExperiment;
import io.execbench.harness.analyse.Analysis;
import io.execbench.harness.analyse.Answer;
import io.execbench.harness.analyse.IpcExperiment;
import io.execbench.harness.analyse.LatencyGroup;
import io.execbench.harness.analyse.ModelExperiment;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.analyse.ScalingExperiment;
import io.execbench.harness.analyse.StartupExperiment;
import io.execbench.harness.compare.Series;
import io.execbench.harness.stats.TimeScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every chart of a run's page, rendered in one place: the writers receive these SVG elements and only place them.
 * Each list is in the order of what it draws (result groups, answers, latency groups, model sweeps, IPC charts of
 * {@link IpcExperiment#charts()}, scaling sweeps); every chart id is unique on the page.
 *
 * @param scores  one per result group
 * @param answers one per answer, null where the answer has no sketch (the run cannot answer)
 * @param latency one per latency group
 * @param models  one per model sweep
 * @param ipc     one per IPC chart
 * @param scaling one per scaling sweep
 * @param workload one per sweep of the user's own workload, drawn as the model sweeps are
 * @param startup the start-up bars, or null when the run has no start-up results
 * @param memory  memory against the number of parked units, or null when the run has no memory sweep
 * @param server  the server section's charts
 */
public record ReportCharts(List<String> scores, List<String> answers, List<String> latency,
                           List<ModelCharts> models, List<String> ipc, List<String> scaling,
                           List<ModelCharts> workload, String startup, String memory, ServerCharts server) {

    public ReportCharts {
        scores = List.copyOf(scores);
        answers = java.util.Collections.unmodifiableList(new ArrayList<>(answers)); // may hold nulls
        latency = List.copyOf(latency);
        models = List.copyOf(models);
        ipc = List.copyOf(ipc);
        scaling = List.copyOf(scaling);
        workload = List.copyOf(workload);
    }

    /** A model sweep's throughput bars, and its speedup chart or null when it has no task-size sweep over inline. */
    public record ModelCharts(String throughput, String speedup) {
    }

    /** Renders every chart of the page of {@code groups} and {@code analysis}. */
    public static ReportCharts render(List<ResultGroup> groups, Analysis analysis) {
        List<String> scores = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            scores.add(ScoreChartRenderer.render(groups.get(i), "chart-" + (i + 1)));
        }
        return withScores(scores, analysis);
    }

    /** As {@link #render(List, Analysis)}, with the result groups' charts already drawn. */
    public static ReportCharts withScores(List<String> scores, Analysis analysis) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < analysis.answers().size(); i++) {
            Answer answer = analysis.answers().get(i);
            answers.add(answer.sketch() == null ? null : SketchCharts.render(answer.sketch(), "glance-" + (i + 1)));
        }
        List<String> latency = new ArrayList<>();
        List<LatencyGroup> groups = analysis.experiments().latency();
        for (int i = 0; i < groups.size(); i++) {
            latency.add(XyChartRenderer.render(ExperimentCharts.latency(groups.get(i), latencyScale(groups.get(i))),
                    "latency-" + (i + 1), 620, 440));
        }
        List<ModelCharts> models = models(analysis.experiments().models(), "models-");
        List<ModelCharts> workload = models(analysis.experiments().workload(), "workload-");
        List<String> ipc = new ArrayList<>();
        for (List<IpcExperiment.Curve> curves : analysis.experiments().ipc().charts()) {
            IpcExperiment.Curve first = curves.getFirst();
            String title = first.benchmark() + (first.fixed().isEmpty() ? "" : ", " + first.fixed());
            String id = "ipc-" + (ipc.size() + 1);
            if (first.kind() == IpcExperiment.Kind.THROUGHPUT) {
                ipc.add(XyChartRenderer.render(ExperimentCharts.ipcThroughput(curves, title + ": throughput"), id));
            } else {
                TimeScale scale = TimeScale.forTypical(curves.stream().flatMap(c -> c.points().stream())
                        .mapToDouble(p -> p.timeNs().value()).min().orElse(0));
                ipc.add(XyChartRenderer.render(ExperimentCharts.ipcTime(curves, scale, title + ": round-trip time",
                        analysis.experiments().floor()), id));
            }
        }
        List<String> scaling = new ArrayList<>();
        ScalingExperiment scalingExperiment = analysis.experiments().scaling();
        for (ScalingExperiment.Sweep sweep : scalingExperiment.sweeps()) {
            scaling.add(XyChartRenderer.render(ExperimentCharts.scaling(sweep, scalingExperiment.logicalCpus()),
                    "scaling-" + (scaling.size() + 1), 620, 420));
        }
        StartupExperiment startup = analysis.experiments().startup();
        String startupBars = startup.isEmpty() ? null
                : GroupedBarChartRenderer.render(ExperimentCharts.startup(startup), "startup-1");
        MemoryExperiment memory = analysis.experiments().memory();
        String memoryChart = memory.isEmpty() ? null
                : XyChartRenderer.render(ExperimentCharts.memory(memory), "memory-1");
        return new ReportCharts(scores, answers, latency, models, ipc, scaling, workload, startupBars, memoryChart,
                ServerCharts.render(analysis.experiments().server()));
    }

    private static List<ModelCharts> models(ModelExperiment experiment, String idPrefix) {
        List<ModelCharts> models = new ArrayList<>();
        int chart = 0;
        for (ModelExperiment.Sweep sweep : experiment.sweeps()) {
            String bars = GroupedBarChartRenderer.render(ExperimentCharts.modelThroughput(sweep), idPrefix + ++chart);
            boolean swept = sweep.sizes().stream().filter(Objects::nonNull).count() >= 2;
            String speedup = swept && !sweep.breakEvens().isEmpty()
                    ? XyChartRenderer.render(ExperimentCharts.modelSpeedup(sweep), idPrefix + ++chart) : null;
            models.add(new ModelCharts(bars, speedup));
        }
        return models;
    }

    /** The time unit of a latency group's chart, which its table shares: suits the largest median. */
    public static TimeScale latencyScale(LatencyGroup group) {
        return TimeScale.forTypical(group.series().stream()
                .mapToLong(s -> s.merged().getValueAtPercentile(50)).max().orElse(0));
    }

    /** One history series of the index page, each point linked by {@code link} (null: no link). */
    public static String trend(Series series, String chartId, Function<String, String> link) {
        return TrendChartRenderer.render(series, chartId, link);
    }

    /** The index's sparkline of one history series; {@code title} is its tooltip (escaped by the renderer). */
    public static String sparkline(Series series, String title) {
        return SparklineRenderer.render(series, title);
    }
}
