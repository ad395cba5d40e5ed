package io.execbench.harness;

import io.execbench.harness.compare.Baselines;
import io.execbench.harness.compare.CanaryRelative;
import io.execbench.harness.compare.NoiseCalibration;
import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.RunStatus;
import io.execbench.harness.write.NoiseJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calibrate}: learns each benchmark's noise floor from several runs of one build (A/A). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Learns each benchmark's noise floor from runs of one build on one machine (A/A) and",
                "writes it to <results>/noise.json, which 'compare' then uses as a per-benchmark threshold.",
                "  calibrate RUN RUN [RUN...]        these runs (folders, or ids in --results)",
                "  calibrate --last=N --results=DIR  the newest N complete comparable runs",
                "Exit codes: 0 written; 2 bad arguments, unreadable or incomparable runs; 1 other errors."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Runs of one build (at least two).")
    private List<String> runArgs = List.of();

    @Option(names = "--last", paramLabel = "N", description = "Use the newest N complete runs comparable with the newest.")
    private Integer last;

    @Option(names = "--results", paramLabel = "DIR", description = "The results folder (default: beside the runs).")
    private Path resultsDir;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: <results>/noise.json).")
    private Path output;

    @Override
    public Integer call() throws IOException {
        List<Run> runs = last != null ? newest() : named();
        if (runs.size() < 2) {
            throw new ParameterException(spec.commandLine(), "calibration needs at least two runs, got " + runs.size());
        }
        Run first = runs.getFirst();
        for (Run run : runs.subList(1, runs.size())) {
            Optional<String> why = Baselines.incomparability(first.info(), run.info());
            if (why.isPresent()) {
                throw new RunReadException(run.folder().dir(), "not comparable with " + first.id() + ": " + why.get());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long commits = runs.stream().map(run -> run.info().git().commit()).distinct().count();
        if (commits > 1) {
            Console.line(out, "warning: the runs come from " + commits + " commits; an A/A calibration wants one build");
        }
        NoiseModel model = NoiseCalibration.learn(runs);
        Path results = resultsDir != null ? resultsDir : RunArguments.parentOf(first.folder().dir());
        Path file = output != null ? output : results.resolve(NoiseJson.FILE_NAME);
        NoiseJson.write(model, file);

        Console.format(out, "Noise floors of %d benchmarks from %d runs (machine %s, profile %s):",
                model.floors().size(), runs.size(), model.machineFingerprint(), model.profile());
        model.floors().forEach((benchmark, metrics) -> Console.format(out, "  %-70s %s", benchmark,
                percents(metrics)));
        Console.line(out, "Noise model: " + file);
        out.flush();
        return HarnessMain.OK;
    }

    private List<Run> named() throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String arg : runArgs) {
            runs.add(RunReader.read(RunArguments.resolve(arg, resultsDir)));
        }
        return runs;
    }

    private List<Run> newest() throws IOException {
        if (!runArgs.isEmpty() || resultsDir == null || last < 2) {
            throw new ParameterException(spec.commandLine(), "--last=N (N >= 2) needs --results=DIR and no RUN");
        }
        Run newest = RunReader.read(RunArguments.latest(resultsDir));
        List<Run> runs = new ArrayList<>();
        var listings = new ArrayList<>(RunArguments.listings(resultsDir));
        listings.sort(Comparator.comparing((io.execbench.harness.read.RunListing l) -> l.folder().id()).reversed());
        for (var listing : listings) {
            if (runs.size() < last && listing.readable() && listing.info().status() == RunStatus.COMPLETE
                    && Baselines.incomparability(listing.info(), newest.info()).isEmpty()) {
                try {
                    runs.add(RunReader.read(listing.folder().dir()));
                } catch (RunReadException e) {
                    Console.skipped(spec.commandLine().getErr(), List.of(listing.unreadable(e.getMessage())));
                }
            }
        }
        return runs.reversed();
    }

    private static String percents(Map<String, Double> metrics) {
        StringBuilder text = new StringBuilder();
        metrics.forEach((metric, floor) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(java.util.Locale.ROOT, "%s %.1f%%", metric, floor * 100)));
        CanaryRelative.steadiest(CanaryRelative.CANARIES, metrics)
                .ifPresent(canary -> text.append("; judged relative to ").append(canary));
        return text.toString();
    }
}
