package io.execbench.harness;

import io.execbench.harness.read.InputFiles;
import io.execbench.harness.read.RunFolder;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunLocator;
import io.execbench.harness.read.RunReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** How the commands name runs: a folder path, or a run id looked up in the results folder. */
final class RunArguments {

    /** A run id is one short line. */
    private static final long MAX_ID_FILE_BYTES = 4096;

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

    /**
     * The run named in {@code idFile}: the folder name the runner wrote there ({@code --run-id-file}) once the run
     * had its final name, looked up in {@code resultsDir}. This is how the main job's later steps judge the run it
     * just made, and never a stray or future-dated folder that sorts after it.
     */
    static Path fromIdFile(Path idFile, Path resultsDir) throws RunReadException {
        if (!InputFiles.present(idFile)) {
            throw new RunReadException(idFile, "missing: the runner wrote no run id, so this job made no run folder"
                    + " (see the runner's messages above)");
        }
        String name;
        try (InputStream in = InputFiles.open(idFile, MAX_ID_FILE_BYTES)) {
            name = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (RunReadException e) {
            throw e;
        } catch (IOException e) {
            throw new RunReadException(idFile, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
        RunFolder folder = RunFolder.of(resultsDir.resolve(name.isEmpty() ? "." : name));
        // The name must be one plain segment: ".." or "a/b" would normalise to some other folder.
        if (!name.equals(String.valueOf(folder.dir().getFileName())) || folder.unusableName() != null) {
            throw new RunReadException(idFile, "does not hold a run folder name");
        }
        if (!InputFiles.present(folder.dir())) {
            throw new RunReadException(folder.dir(), "no such run folder (named in " + idFile + ")");
        }
        return folder.dir();
    }

    /**
     * The one run a command was given: {@code run} (a folder, or an id in {@code resultsDir}), the newest in
     * {@code resultsDir} ({@code --latest}), or the one named in {@code idFile} ({@code --run-id-from}).
     */
    static Path chosen(CommandSpec spec, String run, boolean latest, Path idFile, Path resultsDir)
            throws RunReadException {
        int given = (run != null ? 1 : 0) + (latest ? 1 : 0) + (idFile != null ? 1 : 0);
        if (given != 1 || run == null && resultsDir == null) {
            throw new ParameterException(spec.commandLine(),
                    "give either RUN, --latest --results=DIR or --run-id-from=FILE --results=DIR");
        }
        return idFile != null ? fromIdFile(idFile, resultsDir) : latest ? latest(resultsDir) : resolve(run, resultsDir);
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
