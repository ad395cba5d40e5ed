package io.execbench.harness.write;

import io.execbench.harness.analyse.Analysis;
import io.execbench.harness.analyse.Answer;
import io.execbench.harness.analyse.Claim;
import io.execbench.harness.analyse.Finding;
import io.execbench.harness.analyse.Findings;
import io.execbench.harness.analyse.ParamLabel;
import io.execbench.harness.analyse.Question;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.analyse.RunSummary;
import io.execbench.harness.chart.ReportCharts;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunInfo;
import io.execbench.harness.read.RunStatus;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.write.ReportPage.AnswerView;
import io.execbench.harness.write.ReportPage.Banner;
import io.execbench.harness.write.ReportPage.ClaimView;
import io.execbench.harness.write.ReportPage.ExperimentSection;
import io.execbench.harness.write.ReportPage.FailureView;
import io.execbench.harness.write.ReportPage.Field;
import io.execbench.harness.write.ReportPage.FindingGroup;
import io.execbench.harness.write.ReportPage.FindingView;
import io.execbench.harness.write.ReportPage.Row;
import io.execbench.harness.write.ReportPage.Section;
import java.util.ArrayList;
import java.util.List;

/** Turns a run, its groups and their charts into the text a report page shows. Formats; decides nothing. */
public final class ReportPageBuilder {

    private ReportPageBuilder() {
    }

    /**
     * Builds the page for {@code run}.
     *
     * @param groups the run's results, grouped for display
     * @param charts one SVG element per group, in the same order
     */
    public static ReportPage build(Run run, List<ResultGroup> groups, List<String> charts) {
        Analysis none = Analysis.none();
        return build(run, groups, ReportCharts.withScores(charts, none), none, MachineFacts.UNKNOWN);
    }

    /**
     * Builds the page for {@code run} with its experiment sections, findings and claims.
     *
     * @param charts      every chart of the page, rendered from {@code groups} and {@code analysis}
     * @param analysis    the run's analysed experiments, answers, findings and claims; sections without data are
     *                    left out
     * @param machine     topology and scaling notes from run.json
     */
    public static ReportPage build(Run run, List<ResultGroup> groups, ReportCharts charts, Analysis analysis,
                                   MachineFacts machine) {
        if (groups.size() != charts.scores().size()) {
            throw new IllegalArgumentException(groups.size() + " groups but " + charts.scores().size() + " charts");
        }
        RunInfo info = run.info();
        RunSummary summary = RunSummary.of(run);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            sections.add(section("result-" + (i + 1), groups.get(i), charts.scores().get(i)));
        }
        List<FailureView> failures = info.failures().stream()
                .map(f -> new FailureView(f.benchmark(), ParamLabel.of(f.params()), f.error()))
                .toList();
        List<ClaimView> claims = analysis.claims().stream().map(c -> new ClaimView(c.claim(), c.headline(),
                c.measured(), c.verdict(), verdictClass(c.verdict()))).toList();
        List<ExperimentSection> experiments = ExperimentSections.of(analysis.experiments(), charts);
        List<Field> topology = new ArrayList<>();
        machine.topology().forEach((name, value) -> topology.add(new Field(name, value)));
        return new ReportPage(run.id(), info.status().label(), banner(info, summary),
                EnvironmentFields.profile(info.profile()), summary.line(), EnvironmentFields.of(info), failures,
                sections, answers(analysis, charts, experiments), findings(analysis), claims, experiments, topology);
    }

    private static List<AnswerView> answers(Analysis analysis, ReportCharts charts, List<ExperimentSection> shown) {
        List<AnswerView> views = new ArrayList<>();
        for (int i = 0; i < analysis.answers().size(); i++) {
            Answer a = analysis.answers().get(i);
            String anchor = a.question().anchor();
            boolean linked = shown.stream().anyMatch(section -> section.anchor().equals(anchor));
            views.add(new AnswerView(a.question().text(), anchor, a.answer(), a.number(), a.unanswered(),
                    charts.answers().get(i), linked));
        }
        return views;
    }

    /** Under each question in card order, then those on none (the latency charts of their own). */
    private static List<FindingGroup> findings(Analysis analysis) {
        List<FindingGroup> groups = new ArrayList<>();
        for (Question question : Question.values()) {
            List<Finding> on = Findings.on(question, analysis.findings());
            if (!on.isEmpty()) {
                groups.add(new FindingGroup(question.text(), question.anchor(), views(on)));
            }
        }
        List<Finding> rest = Findings.on(null, analysis.findings());
        if (!rest.isEmpty()) {
            groups.add(new FindingGroup("Latency distributions", "latency", views(rest)));
        }
        return groups;
    }

    private static List<FindingView> views(List<Finding> findings) {
        return findings.stream().map(f -> new FindingView(f.headline(), f.detail())).toList();
    }

    private static String verdictClass(String verdict) {
        return switch (verdict) {
            case Claim.SUPPORTED -> "supported";
            case Claim.NOT_SUPPORTED -> "refuted";
            case Claim.UNTESTED -> "untested";
            default -> "noise";
        };
    }

    private static Section section(String anchor, ResultGroup group, String chartSvg) {
        List<Row> rows = group.results().stream().map(ReportPageBuilder::row).toList();
        return new Section(anchor, group.benchmark(), group.shortName(), group.mode(), group.unit(), chartSvg, rows);
    }

    private static Row row(BenchmarkResult result) {
        Metric metric = result.primaryMetric();
        return new Row(ParamLabel.of(result.params()), result.mode(),
                Numbers.format(metric.score()), Double.toString(metric.score()),
                Numbers.format(metric.scoreError()), Double.toString(metric.scoreError()),
                Numbers.format(metric.scoreConfidence().low()), Numbers.format(metric.scoreConfidence().high()),
                metric.scoreUnit(), Numbers.count(metric.forkCount()), Numbers.count(metric.sampleCount()));
    }

    private static Banner banner(RunInfo info, RunSummary summary) {
        if (info.status() == RunStatus.PARTIAL) {
            String reason = info.interruption() == null ? "no reason was recorded (killed, or still running)"
                    : "it stopped because of: " + info.interruption();
            return new Banner("partial", "Partial run: this run did not finish",
                    "The report shows the " + summary.benchmarkCount() + " benchmark results written before the run "
                            + "stopped" + planned(info) + "; " + reason + ".");
        }
        if (info.status() == RunStatus.FAILED || summary.failureCount() > 0) {
            return new Banner("failed", "Failed run: " + summary.failureCount()
                    + (summary.failureCount() == 1 ? " benchmark" : " benchmarks") + " produced no result",
                    "See Failures for the error of each; the results of the others are below.");
        }
        if (info.synthesized()) {
            return new Banner("note", "Unknown environment",
                    "This folder holds only a JMH jmh.json: the machine, the commit and how the run ended are not "
                            + "known. The JVM details come from jmh.json.");
        }
        return null;
    }

    private static String planned(RunInfo info) {
        Integer planned = info.benchmarks().planned();
        return planned == null ? "" : " (" + planned + " planned)";
    }
}
