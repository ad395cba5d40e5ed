package io.execbench.harness;

import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.write.AtomicFiles;
import io.execbench.harness.write.TrackerExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export}: one run in the formats of github-action-benchmark and Bencher. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a run's scores for other trackers into --to: github-action-benchmark-bigger.json",
                "(tool customBiggerIsBetter), github-action-benchmark-smaller.json (customSmallerIsBetter) and",
                "bencher.json (Bencher Metric Format). Exit codes: 0 written; 2 bad arguments or unreadable run."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The run (folder or id in --results).")
    private String run;

    @Option(names = "--latest", description = "Export the newest run in --results.")
    private boolean latest;

    @Option(names = "--run-id-from", paramLabel = "FILE",
            description = "The run named in FILE (written by the runner's --run-id-file), in --results.")
    private Path runIdFile;

    @Option(names = "--results", paramLabel = "DIR", description = "The results folder.")
    private Path resultsDir;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "Where the files go.")
    private Path outputDir;

    @Override
    public Integer call() throws IOException {
        Run exported = RunReader.read(RunArguments.chosen(spec, run, latest, runIdFile, resultsDir));
        Path bigger = outputDir.resolve("github-action-benchmark-bigger.json");
        Path smaller = outputDir.resolve("github-action-benchmark-smaller.json");
        Path bencher = outputDir.resolve("bencher.json");
        AtomicFiles.write(bigger, TrackerExport.githubActionBenchmark(exported, Direction.HIGHER_IS_BETTER));
        AtomicFiles.write(smaller, TrackerExport.githubActionBenchmark(exported, Direction.LOWER_IS_BETTER));
        AtomicFiles.write(bencher, TrackerExport.bencher(exported));
        PrintWriter out = spec.commandLine().getOut();
        Console.line(out, "Exported " + exported.id() + ": " + bigger + ", " + smaller + ", " + bencher);
        out.flush();
        return HarnessMain.OK;
    }
}
