package io.execbench.harness.compare;

import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunInfo;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the history a run belongs to: every finished run (complete, or failed with the results it has) up to and
 * including it that is comparable with it (same machine fingerprint, profile and JDK major), oldest first.
 * Unreadable and partial runs are left out, since a history must not stop at one broken folder.
 */
public final class HistoryReader {

    private HistoryReader() {
    }

    /**
     * The runs read for a history, and the listed runs that turned out unreadable when read in full (a run.json
     * that reads, beside a jmh.json that does not): each is the listing with the reason set.
     */
    public record Read(List<Run> runs, List<RunListing> unreadable) {
    }

    /**
     * The runs of {@code listings} (oldest first) comparable with {@code reference}, up to it, read in full. A run
     * that cannot be read is left out and returned in {@link Read#unreadable()}, never thrown: one broken folder in
     * a history of many nights must not stop tonight's report.
     */
    public static Read comparableRuns(RunListing reference, List<RunListing> listings) {
        List<Run> runs = new ArrayList<>();
        List<RunListing> unreadable = new ArrayList<>();
        RunInfo info = reference.info();
        for (RunListing listing : listings) {
            if (listing.readable() && listing.folder().id().compareTo(reference.folder().id()) <= 0
                    && listing.info().status() != RunStatus.PARTIAL
                    && Baselines.incomparability(listing.info(), info).isEmpty()) {
                try {
                    runs.add(RunReader.read(listing.folder().dir()));
                } catch (RunReadException e) {
                    unreadable.add(listing.unreadable(e.getMessage()));
                }
            }
        }
        return new Read(List.copyOf(runs), List.copyOf(unreadable));
    }

    /** The newest readable, finished run of {@code listings} (oldest first): whose history the index shows. */
    public static Optional<RunListing> newestFinished(List<RunListing> listings) {
        return listings.reversed().stream()
                .filter(RunListing::readable)
                .filter(listing -> listing.info().status() != RunStatus.PARTIAL && !listing.info().synthesized())
                .findFirst();
    }
}
