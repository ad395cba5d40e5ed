package io.execbench.harness.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the runs in a results directory. A run is a sub-folder holding {@code run.json} or {@code jmh.json}, named
 * {@code <run-id>/} or {@code <run-id>.partial/}; everything else there (the README, hidden folders such as a
 * runner's temporary ones, stray files) is not a run. Run ids start with the UTC start time, so sorting by id sorts
 * by start time.
 */
public final class RunLocator {

    /** Oldest first; of two folders with the same id (which the runner never makes), the finished one last. */
    private static final Comparator<RunFolder> BY_ID =
            Comparator.comparing(RunFolder::id).thenComparing(folder -> !folder.partial());

    private RunLocator() {
    }

    /** Every run in {@code resultsDir}, oldest first. */
    public static List<RunFolder> list(Path resultsDir) throws RunReadException {
        if (!Files.isDirectory(resultsDir)) {
            throw new RunReadException(resultsDir, Files.exists(resultsDir)
                    ? "not a folder (expected a results folder)" : "no such results folder");
        }
        List<RunFolder> runs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resultsDir, RunLocator::isRunFolder)) {
            entries.forEach(dir -> runs.add(RunFolder.of(dir)));
        } catch (IOException e) {
            throw new RunReadException(resultsDir, "cannot list the results folder (" + e + ")", e);
        }
        runs.sort(BY_ID);
        return List.copyOf(runs);
    }

    /** The run with the greatest id, finished or partial, if there is any run at all. */
    public static Optional<RunFolder> latest(Path resultsDir) throws RunReadException {
        List<RunFolder> runs = list(resultsDir);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast());
    }

    private static boolean isRunFolder(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith("~")) {
            return false;
        }
        if (Files.isSymbolicLink(entry)) {
            return Files.isDirectory(entry); // listed, so that the index can say why it is not read
        }
        return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                && (InputFiles.present(entry.resolve(RunReader.RUN_JSON))
                        || InputFiles.present(entry.resolve(RunReader.JMH_JSON)));
    }
}
