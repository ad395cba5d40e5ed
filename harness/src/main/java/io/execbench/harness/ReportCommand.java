package io.execbench.harness;

import io.execbench.harness.analyse.Analysis;
import io.execbench.harness.analyse.Experiments;
import io.execbench.harness.analyse.ResultGroup;
import io.execbench.harness.analyse.ResultGrouping;
import io.execbench.harness.analyse.RunSummary;
import io.execbench.harness.chart.ReportCharts;
import io.execbench.harness.read.FaultLogReader;
import io.execbench.harness.read.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunFolder;
import io.execbench.harness.read.RunLocator;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.WarmupRecords;
import io.execbench.harness.write.ReportPage;
import io.execbench.harness.write.ReportPageBuilder;
import io.execbench.harness.write.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report}: renders one run's report and the index of all runs (and A/B comparisons) beside it. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders <reports>/<run-id>/index.html for one run, and <reports>/index.html for every run",
                "and the newest A/B comparisons.",
                "Exit codes: 0 ok; 3 report written, but the run failed, is partial or has failed benchmarks;",
                "2 bad arguments or unreadable results (the message names the file); 1 other errors."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RUN_DIR",
            description = "A run folder: results/<run-id>[.partial]/, or any folder holding a JMH jmh.json.")
    private Path runDir;

    @Option(names = "--latest", description = "Render the newest run in --results instead of RUN_DIR.")
    private boolean latest;

    @Option(names = "--run-id-from", paramLabel = "FILE",
            description = "Render the run named in FILE (written by the runner's --run-id-file), in --results.")
    private Path runIdFile;

    @Option(names = "--results", paramLabel = "DIR",
            description = "The results folder (needed with --latest; default: the folder holding RUN_DIR).")
    private Path resultsDir;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Where reports go (default: 'reports' beside the results folder).")
    private Path reportsDir;

    @Override
    public Integer call() throws IOException {
        requireOneSource();
        Run run = RunReader.read(runIdFile != null ? RunArguments.fromIdFile(runIdFile, resultsDir)
                : latest ? latestRun() : runDir);
        Path results = resultsDir != null ? resultsDir : parentOf(run.folder().dir());
        Path reports = reportsDir != null ? reportsDir : parentOf(results.toAbsolutePath()).resolve("reports");

        MachineFacts machine = MachineFacts.read(run.folder().dir());
        Experiments experiments = Experiments.of(run, LatencyLogReader.readAll(run.folder().dir()), machine,
                WarmupRecords.read(run.folder().dir()), FaultLogReader.readAll(run.folder().dir()),
                run.server().readLogs(run.folder().dir()));
        experiments.server().warnings().forEach(w -> Console.line(spec.commandLine().getErr(), "warning: " + w));
        List<ResultGroup> groups = ResultGrouping.group(run.results());
        Analysis analysis = Analysis.of(experiments);
        ReportPage page = ReportPageBuilder.build(run, groups, ReportCharts.render(groups, analysis), analysis,
                machine);
        Path report = ReportWriter.write(page, reports);
        PrintWriter err = spec.commandLine().getErr();
        ReportsIndex.write(results, reports, warning -> Console.line(err, warning));
        err.flush();

        RunSummary summary = RunSummary.of(run);
        PrintWriter out = spec.commandLine().getOut();
        Console.line(out, "Report: " + report);
        Console.line(out, summary.line());
        out.flush();
        return summary.needsAttention() ? HarnessMain.ATTENTION : HarnessMain.OK;
    }

    private void requireOneSource() {
        int sources = (latest ? 1 : 0) + (runDir != null ? 1 : 0) + (runIdFile != null ? 1 : 0);
        if (sources != 1) {
            throw new ParameterException(spec.commandLine(),
                    "give either RUN_DIR, --latest --results=DIR or --run-id-from=FILE --results=DIR");
        }
        if ((latest || runIdFile != null) && resultsDir == null) {
            throw new ParameterException(spec.commandLine(), (latest ? "--latest" : "--run-id-from")
                    + " needs --results=DIR");
        }
    }

    private Path latestRun() throws RunReadException {
        return RunLocator.latest(resultsDir)
                .map(RunFolder::dir)
                .orElseThrow(() -> new RunReadException(resultsDir, "no run folder in the results folder"));
    }

    /** The parent folder; the root stands for itself, so that a run at {@code /} still has a results folder. */
    private static Path parentOf(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.getParent() != null ? absolute.getParent() : absolute;
    }
}
