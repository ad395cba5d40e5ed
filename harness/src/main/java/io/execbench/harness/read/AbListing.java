package io.execbench.harness.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the run index shows about one folder of {@code <results>/ab/}: a finished comparison's {@link AbSummary}, or
 * why its ab.json could not be read, or nothing for an unfinished one. A broken folder must not hide the others, so
 * problems are kept here rather than thrown, as {@link RunListing} keeps them for runs.
 *
 * <p>An unfinished folder ({@code <id>.partial/}) is listed, not skipped: it is either a comparison still running or
 * one that was stopped (a CI time limit, a kill) before its verdict, and the second is what a reader of a nightly
 * job's index needs to see, since nothing else there would say that last night's comparison never ended. It has no
 * ab.json until the end (only the forks' output), so nothing is read from it.
 *
 * @param folder  the folder; its id is the folder's name without {@code .partial}
 * @param summary what its ab.json says, or null when unfinished or unreadable
 * @param problem why it could not be read, naming the file, or null
 */
public record AbListing(RunFolder folder, AbSummary summary, String problem) {

    /** The folder of {@code <results>} that holds the comparisons. */
    public static final String DIR = "ab";

    /** Newest first; of two folders with the same id (which the harness never makes), the finished one first. */
    private static final Comparator<RunFolder> NEWEST_FIRST =
            Comparator.comparing(RunFolder::id).thenComparing(folder -> !folder.partial()).reversed();

    /**
     * The newest comparisons of a results folder.
     *
     * @param listings at most the number asked for, newest first (ids start with the UTC start time)
     * @param older    how many more, older ones there are, not read
     * @param problem  why {@code <results>/ab} could not be listed, naming it, or null
     */
    public record Newest(List<AbListing> listings, int older, String problem) {

        /** No comparison at all. */
        public static final Newest NONE = new Newest(List.of(), 0, null);

        public Newest {
            listings = List.copyOf(listings);
        }

        /** Whether there is anything to show: a comparison, or a problem with the folder. */
        public boolean any() {
            return !listings.isEmpty() || problem != null;
        }
    }

    /** Whether the comparison had not finished when listed (no verdict). */
    public boolean unfinished() {
        return folder.partial();
    }

    /**
     * Lists {@code <resultsDir>/ab/} and reads the newest {@code limit} comparisons; none when the folder does not
     * exist. Hidden folders and a writer's {@code .tmp} or {@code ~} leftovers are not comparisons; a link is listed,
     * so that the index can say why it is not read.
     */
    public static Newest newest(Path resultsDir, int limit) {
        Path dir = resultsDir.resolve(DIR);
        if (!InputFiles.present(dir)) {
            return Newest.NONE;
        }
        List<RunFolder> folders = new ArrayList<>();
        try {
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new RunReadException(dir, "not a folder (a link or a file; links are not followed)");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, AbListing::isComparison)) {
                entries.forEach(entry -> folders.add(RunFolder.of(entry)));
            } catch (IOException e) {
                throw new RunReadException(dir, "cannot list (" + e.getClass().getSimpleName() + ")", e);
            }
        } catch (RunReadException e) {
            return new Newest(List.of(), 0, e.getMessage());
        }
        folders.sort(NEWEST_FIRST);
        List<AbListing> newest = folders.stream().limit(Math.max(limit, 0)).map(AbListing::of).toList();
        return new Newest(newest, folders.size() - newest.size(), null);
    }

    /** Lists one folder: reads a finished one's ab.json, keeping any problem. */
    public static AbListing of(RunFolder folder) {
        if (folder.partial()) {
            return new AbListing(folder, null, null);
        }
        try {
            if (folder.unusableName() != null) {
                throw new RunReadException(folder.dir(), folder.unusableName());
            }
            if (Files.isSymbolicLink(folder.dir())) {
                throw new RunReadException(folder.dir(), "is a symbolic link; links are not followed");
            }
            Path file = folder.dir().resolve(AbSummary.FILE_NAME);
            if (!InputFiles.present(file)) {
                throw new RunReadException(file, "missing: a finished comparison holds " + AbSummary.FILE_NAME);
            }
            return new AbListing(folder, AbSummary.read(file), null);
        } catch (RunReadException e) {
            return new AbListing(folder, null, e.getMessage());
        }
    }

    private static boolean isComparison(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith("~")) {
            return false;
        }
        return Files.isSymbolicLink(entry) ? Files.isDirectory(entry) : Files.isDirectory(entry,
                LinkOption.NOFOLLOW_LINKS);
    }
}
