package io.execbench.harness;

import io.execbench.harness.read.RunFolder;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunLocator;
import io.execbench.harness.read.RunReadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How the commands name runs: a folder path, or a run id looked up in the results folder. */
final class RunArguments {

    private RunArguments() {
    }

    /** {@code run} as a folder: the path itself when it is one, else {@code <results>/<run>[.partial]}. */
    static Path resolve(String run, Path resultsDir) throws RunReadException {
        Path asPath = Path.of(run);
        if (Files.isDirectory(asPath)) {
            return asPath;
        }
        if (resultsDir != null && !run.contains("/")) {
            for (String name : List.of(run, run + RunFolder.PARTIAL_SUFFIX)) {
                Path candidate = resultsDir.resolve(name);
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new RunReadException(asPath, "no such run folder" + (resultsDir == null ? ""
                : " (nor a run id in " + resultsDir + ")"));
    }

    /** The newest run in {@code resultsDir}. */
    static Path latest(Path resultsDir) throws RunReadException {
        return RunLocator.latest(resultsDir).map(RunFolder::dir)
                .orElseThrow(() -> new RunReadException(resultsDir, "no run folder in the results folder"));
    }

    /** Every run in {@code resultsDir}, oldest first, each listed even if it cannot be read. */
    static List<RunListing> listings(Path resultsDir) throws RunReadException {
        return RunLocator.list(resultsDir).stream().map(RunListing::of).toList();
    }

    /** The folder holding {@code runDir}. */
    static Path parentOf(Path runDir) {
        Path absolute = runDir.toAbsolutePath().normalize();
        return absolute.getParent() != null ? absolute.getParent() : absolute;
    }
}
