package io.execbench.harness;

import io.execbench.harness.compare.Baselines;
import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.MachineDrift;
import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.compare.RunComparator;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.read.CanaryReadings;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.write.NoiseJson;
import io.execbench.harness.write.VerdictFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare}: judges a run against its baseline and writes verdict.json, JUnit XML and a Markdown summary. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares a run with a baseline, benchmark by benchmark, and writes verdict.json,",
                "verdict-junit.xml and verdict.md into the run's folder.",
                "  compare BASELINE RUN     two runs (folders, or ids in --results)",
                "  compare RUN              RUN against the latest earlier comparable complete run",
                "  compare --latest --results=DIR [--baseline=RUN]",
                "Exit codes: 0 compared (whatever the verdicts, unless --fail-on-regression);",
                "4 a benchmark regressed and --fail-on-regression is set; 2 bad arguments or unreadable",
                "results; 1 other errors."})
final class CompareCommand implements Callable<Integer> {

    /** A regression was found and the caller asked to fail on it. */
    static final int REGRESSED = 4;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "RUN", description = "[BASELINE] RUN: run folders or run ids.")
    private List<String> runs = List.of();

    @Option(names = "--latest", description = "Judge the newest run in --results.")
    private boolean latest;

    @Option(names = "--run-id-from", paramLabel = "FILE",
            description = "Judge the run named in FILE (written by the runner's --run-id-file), in --results.")
    private Path runIdFile;

    @Option(names = "--results", paramLabel = "DIR",
            description = "The results folder (default: the folder holding RUN).")
    private Path resultsDir;

    @Option(names = "--baseline", paramLabel = "RUN", description = "Pin the baseline instead of choosing it.")
    private String pinned;

    @Option(names = "--noise", paramLabel = "FILE",
            description = "Noise model from 'calibrate' (default: <results>/noise.json when it exists).")
    private Path noiseFile;

    @Option(names = "--force", description = "Compare even runs that are not comparable (the reason is printed).")
    private boolean force;

    @Mixin
    private VerdictOptions verdicts;

    @Override
    public Integer call() throws IOException {
        ComparisonSettings settings = verdicts.settings();
        Path currentDir = currentDir();
        Path results = resultsDir != null ? resultsDir : RunArguments.parentOf(currentDir);
        Run current = RunReader.read(currentDir);

        Comparison comparison = compare(current, results, settings);
        Path written = VerdictFiles.write(comparison, current.folder().dir());
        print(comparison, written);
        return verdicts.exitCode(comparison);
    }

    private Path currentDir() throws IOException {
        boolean byName = latest || runIdFile != null;
        if (byName ? !runs.isEmpty() || latest && runIdFile != null : runs.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "give BASELINE RUN, RUN, --latest --results=DIR or --run-id-from=FILE --results=DIR");
        }
        if (runIdFile != null) {
            if (resultsDir == null) {
                throw new ParameterException(spec.commandLine(), "--run-id-from needs --results=DIR");
            }
            return RunArguments.fromIdFile(runIdFile, resultsDir);
        }
        if (runs.size() == 2 && pinned != null) {
            throw new ParameterException(spec.commandLine(), "give the baseline either as BASELINE or --baseline");
        }
        if (latest) {
            if (resultsDir == null) {
                throw new ParameterException(spec.commandLine(), "--latest needs --results=DIR");
            }
            return RunArguments.latest(resultsDir);
        }
        return RunArguments.resolve(runs.getLast(), resultsDir);
    }

    private Comparison compare(Run current, Path results, ComparisonSettings settings) throws IOException {
        String baselineArg = runs.size() == 2 ? runs.getFirst() : pinned;
        Run baseline;
        String choice;
        if (baselineArg != null) {
            baseline = RunReader.read(RunArguments.resolve(baselineArg, results));
            choice = "pinned";
        } else {
            Optional<Run> found = newestReadable(Baselines.candidates(current.id(), current.info(),
                    RunArguments.listings(results)));
            if (found.isEmpty()) {
                return RunComparator.notComparable(current, null, "none", "no baseline: no earlier complete run in "
                        + results + " with the same machine fingerprint, profile and JDK", settings);
            }
            baseline = found.get();
            choice = "latest comparable";
        }
        Optional<String> why = Baselines.incomparability(baseline.info(), current.info());
        if (why.isPresent() && !force) {
            return RunComparator.notComparable(current, baseline.id(), choice, why.get(), settings);
        }
        if (why.isPresent()) {
            Console.line(spec.commandLine().getErr(), "warning: compared although not comparable (--force): "
                    + why.get());
        }
        Path noisePath = noiseFile != null ? noiseFile : results.resolve(NoiseJson.FILE_NAME);
        // A file named with --noise must be read; the results folder's own one came with the results and must not
        // stop tonight's verdict.
        NoiseModel noise = noiseFile != null ? NoiseJson.read(noisePath) : NoiseJson.readIfPresent(noisePath,
                problem -> Console.line(spec.commandLine().getErr(), "warning: judged without a noise model: "
                        + problem));
        String noiseLabel = "none";
        if (noise.appliesTo(current.info().machineFingerprint(), current.info().profile().name())) {
            noiseLabel = noisePath + " (" + noise.runs().size() + " runs)";
        } else {
            noise = NoiseModel.NONE;
        }
        MachineDrift drift = MachineDrift.of(baselineCanary(baseline),
                CanaryReadings.read(current.folder().dir()), settings);
        return RunComparator.compare(baseline, current, choice, noise, noiseLabel, drift, settings);
    }

    /** The baseline's canary.json, or none with a warning when it cannot be read: it is not the run judged. */
    private Optional<CanaryReadings> baselineCanary(Run baseline) {
        try {
            return CanaryReadings.read(baseline.folder().dir());
        } catch (RunReadException e) {
            Console.line(spec.commandLine().getErr(), "warning: baseline canary left out: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The newest candidate that reads in full; each one that does not is skipped with a warning. */
    private Optional<Run> newestReadable(List<RunListing> candidates) {
        for (RunListing candidate : candidates) {
            try {
                return Optional.of(RunReader.read(candidate.folder().dir()));
            } catch (RunReadException e) {
                Console.skipped(spec.commandLine().getErr(), List.of(candidate.unreadable(e.getMessage())));
            }
        }
        return Optional.empty();
    }

    private void print(Comparison comparison, Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        Console.line(out, "Verdict: " + comparison.countsLine());
        Console.line(out, "  run " + comparison.currentId() + " against "
                + (comparison.baselineId() == null ? "no baseline" : comparison.baselineId() + " ("
                + comparison.baselineChoice() + ")"));
        if (comparison.notComparable() != null) {
            Console.line(out, "  not comparable: " + comparison.notComparable());
        } else {
            Console.line(out, "  machine canary: " + comparison.machineDrift().describe());
            for (BenchmarkComparison b : comparison.benchmarks()) {
                if (b.verdict() != Verdict.UNCHANGED) {
                    Console.format(out, "  %-14s %s: %s", b.verdict().label(), b.key().label(), b.reason());
                }
            }
        }
        Console.line(out, "Verdict files: " + dir.resolve(VerdictFiles.JSON) + ", " + VerdictFiles.JUNIT + ", "
                + VerdictFiles.MARKDOWN);
        out.flush();
    }
}
