package io.execbench.harness.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run index shows about one run folder: its info and result count, or why it could not be read.
 * A broken folder must not hide the others, so reading problems are kept here rather than thrown.
 *
 * @param folder         the run folder
 * @param info           run.json (or a synthesized unknown environment), null when unreadable
 * @param benchmarkCount results in jmh.json, or -1 when unreadable
 * @param problem        why the folder could not be read, or null
 */
public record RunListing(RunFolder folder, RunInfo info, int benchmarkCount, String problem) {

    /** Lists one folder, reading run.json and counting (not parsing) jmh.json. */
    public static RunListing of(RunFolder folder) {
        try {
            RunInfo info = RunReader.readInfo(folder.dir());
            int count = JmhJsonReader.count(folder.dir().resolve(RunReader.JMH_JSON));
            return new RunListing(folder, info, count, null);
        } catch (RunReadException e) {
            return new RunListing(folder, null, -1, e.getMessage());
        }
    }

    /** This run, found unreadable when read in full: {@code problem} names the file and what is wrong. */
    public RunListing unreadable(String problem) {
        return new RunListing(folder, null, -1, problem);
    }

    /**
     * {@code listings} with every run that is in {@code unreadable} (by folder) replaced by that unreadable listing,
     * so that the index says why a run that listed well was left out of the history.
     */
    public static List<RunListing> marking(List<RunListing> listings, List<RunListing> unreadable) {
        Map<RunFolder, RunListing> byFolder = new HashMap<>();
        unreadable.forEach(listing -> byFolder.put(listing.folder(), listing));
        return listings.stream().map(listing -> byFolder.getOrDefault(listing.folder(), listing)).toList();
    }

    /** Whether the folder could be read. */
    public boolean readable() {
        return problem == null;
    }
}
