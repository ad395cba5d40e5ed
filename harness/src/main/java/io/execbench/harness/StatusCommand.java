package io.execbench.harness;

import io.execbench.harness.analyse.RunSummary;
import io.execbench.harness.read.RunReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code status}: one line on how a run ended, and exit {@value HarnessMain#ATTENTION} when a benchmark failed or
 * the run did not finish. The main job runs it last, so that a failed benchmark fails the build only after the
 * report, trend, export and comparison have all been written.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Prints how a run ended; exits 3 when it failed, did not finish, or has failed benchmarks.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "A run folder, or a run id in --results.")
    private String run;

    @Option(names = "--latest", description = "The newest run in --results.")
    private boolean latest;

    @Option(names = "--run-id-from", paramLabel = "FILE",
            description = "The run named in FILE (written by the runner's --run-id-file), in --results.")
    private Path runIdFile;

    @Option(names = "--results", paramLabel = "DIR", description = "The results folder.")
    private Path resultsDir;

    @Override
    public Integer call() throws Exception {
        Path runDir = RunArguments.chosen(spec, run, latest, runIdFile, resultsDir);
        RunSummary summary = RunSummary.of(RunReader.read(runDir));
        Console.line(spec.commandLine().getOut(), runDir.getFileName() + ": " + summary.line());
        return summary.needsAttention() ? HarnessMain.ATTENTION : HarnessMain.OK;
    }
}
