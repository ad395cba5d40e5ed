package io.execbench.harness;

import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.read.AbListing;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunLocator;
import io.execbench.harness.write.IndexWriter;
import io.execbench.harness.write.NoiseJson;
import io.execbench.harness.write.TrendSections;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rewrites {@code <reports>/index.html} from what the results folder holds now: every run, the newest A/B comparisons,
 * and the history of the runs comparable with the newest one. Each command that writes a page the index links to
 * calls it after writing that page ({@code report} after a run's, {@code ab} after a comparison's), so that the index
 * a nightly job publishes lists whatever it measured last.
 */
final class ReportsIndex {

    private ReportsIndex() {
    }

    /**
     * Writes the index and returns its path. Whatever is left out because it cannot be read (a run, a comparison, a
     * damaged noise.json) is said in one {@code warning:} line each to {@code warnings}; it never stops the index.
     */
    static Path write(Path results, Path reports, Consumer<String> warnings) throws IOException {
        List<RunListing> listed = RunLocator.list(results).stream().map(RunListing::of).toList();
        Path noiseFile = results.resolve(NoiseJson.FILE_NAME);
        NoiseModel noise = NoiseJson.readIfPresent(noiseFile,
                problem -> warnings.accept("warning: index judged without a noise model: " + problem));
        TrendSections history = TrendSections.of(listed, reports, noise, noiseFile.getFileName() + "");
        List<RunListing> runs = RunListing.marking(listed, history.unreadable());
        AbListing.Newest comparisons = AbListing.newest(results, IndexWriter.MAX_COMPARISONS);
        Path index = IndexWriter.write(results, runs, comparisons, history.note(), history.trends(), reports);

        runs.stream().filter(listing -> !listing.readable())
                .forEach(listing -> warnings.accept("warning: skipped unreadable run: " + listing.problem()));
        if (comparisons.problem() != null) {
            warnings.accept("warning: no A/B comparison listed: " + comparisons.problem());
        }
        comparisons.listings().stream().filter(listing -> listing.problem() != null).forEach(listing ->
                warnings.accept("warning: unreadable A/B comparison listed without verdicts: " + listing.problem()));
        return index;
    }
}
