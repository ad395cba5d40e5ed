package io.execbench.harness;

import io.execbench.harness.compare.History;
import io.execbench.harness.compare.HistoryReader;
import io.execbench.harness.compare.Series;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.stats.EDivisive;
import io.execbench.harness.write.TrendSections;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trend}: change points in each benchmark's history. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"Finds change points (E-divisive means, permutation test) in each benchmark's history:",
                "the finished runs comparable with RUN (default: the newest), oldest first.",
                "Exit codes: 0 done (whatever was found); 2 bad arguments or unreadable results; 1 other errors."})
final class TrendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The newest run of the history (folder or id).")
    private String run;

    @Option(names = "--run-id-from", paramLabel = "FILE",
            description = "The newest run of the history is the one named in FILE (the runner's --run-id-file).")
    private Path runIdFile;

    @Option(names = "--results", paramLabel = "DIR", required = true, description = "The results folder.")
    private Path resultsDir;

    @Option(names = "--all", description = "Also list benchmarks without a change point.")
    private boolean all;

    @Override
    public Integer call() throws IOException {
        List<RunListing> listings = RunArguments.listings(resultsDir);
        if (run != null && runIdFile != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either RUN or --run-id-from");
        }
        RunListing reference = run == null && runIdFile == null
                ? HistoryReader.newestFinished(listings)
                        .orElseThrow(() -> new RunReadException(resultsDir, "no finished run with a run.json"))
                : RunListing.of(io.execbench.harness.read.RunFolder.of(runIdFile != null
                        ? RunArguments.fromIdFile(runIdFile, resultsDir) : RunArguments.resolve(run, resultsDir)));
        if (!reference.readable()) {
            throw new RunReadException(reference.folder().dir(), reference.problem());
        }
        HistoryReader.Read read = HistoryReader.comparableRuns(reference, listings);
        for (RunListing broken : read.unreadable()) {
            if (broken.folder().equals(reference.folder())) {
                throw new RunReadException(reference.folder().dir(), "cannot be read: " + broken.problem());
            }
        }
        Console.skipped(spec.commandLine().getErr(), RunListing.marking(listings, read.unreadable()).stream()
                .filter(listing -> !listing.readable()).toList());
        List<Run> runs = read.runs();
        List<Series> series = History.of(runs, EDivisive.defaults());
        PrintWriter out = spec.commandLine().getOut();
        long changed = series.stream().filter(s -> !s.shifts().isEmpty()).count();
        Console.format(out, "Trend: %d benchmarks over %d comparable runs up to %s; %d with change points",
                series.size(), runs.size(), reference.folder().id(), changed);
        for (Series s : series) {
            if (all || !s.shifts().isEmpty()) {
                Console.line(out, "  " + s.key().label() + ": " + s.points().size() + " runs");
                s.shifts().forEach(shift -> Console.line(out, "    change " + TrendSections.describe(shift, s.unit())));
            }
        }
        out.flush();
        return HarnessMain.OK;
    }
}
