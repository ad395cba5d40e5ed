package io.execbench.harness.read;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.FAILED_ID;
import static io.execbench.harness.Fixtures.PARTIAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.execbench.harness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLocatorTest {

    @TempDir
    Path temp;

    @Test
    void listsCompleteAndPartialRunsOldestFirstAndSkipsEverythingElse() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));
        Files.writeString(results.resolve("README.md"), "# results");
        Files.writeString(Files.createDirectories(results.resolve(".hidden")).resolve("jmh.json"), "[]");
        Files.writeString(Files.createDirectories(results.resolve("9999-copy.tmp")).resolve("jmh.json"), "[]");
        Files.createDirectories(results.resolve("9999-empty-folder"));
        Files.writeString(results.resolve("9999-stray-file.json"), "[]");

        assertThat(RunLocator.list(results)).extracting(RunFolder::id, RunFolder::partial).containsExactly(
                tuple(COMPLETE_ID, false),
                tuple(PARTIAL_ID, true),
                tuple(FAILED_ID, false));
    }

    @Test
    void latestIsTheGreatestRunIdFinishedOrNot() throws Exception {
        assertThat(RunLocator.latest(Fixtures.results())).map(RunFolder::id).contains(FAILED_ID);

        Path results = Fixtures.copy("results", temp.resolve("results"));
        Fixtures.copy("results/" + COMPLETE_ID, results.resolve("2026-11-27T02-00-00Z_86bb15c_b663e4.partial"));
        assertThat(RunLocator.latest(results)).map(RunFolder::dir)
                .contains(results.resolve("2026-11-27T02-00-00Z_86bb15c_b663e4.partial"));
    }

    @Test
    void anEmptyResultsFolderHasNoLatestRun() throws Exception {
        Path results = Files.createDirectories(temp.resolve("results"));
        Files.writeString(results.resolve("README.md"), "# results");

        assertThat(RunLocator.latest(results)).isEmpty();
    }

    @Test
    void aMissingResultsFolderIsNamed() {
        Path missing = temp.resolve("missing");

        assertThatThrownBy(() -> RunLocator.list(missing))
                .isInstanceOf(RunReadException.class)
                .hasMessage(missing + ": no such results folder");
    }

    @Test
    void listingKeepsAnUnreadableRunWithItsProblem() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));
        Path broken = Fixtures.copy("broken/schema-too-new", results.resolve("2026-11-26T00-00-00Z_0000000_b663e4"));

        RunListing listing = RunListing.of(RunLocator.list(results).getFirst());

        assertThat(listing.readable()).isFalse();
        assertThat(listing.info()).isNull();
        assertThat(listing.problem())
                .isEqualTo(broken.resolve("run.json") + ": schemaVersion 2 is newer than this harness supports (1)");
        RunListing complete = RunListing.of(RunFolder.of(results.resolve(COMPLETE_ID)));
        assertThat(complete.benchmarkCount()).isEqualTo(8);
        assertThat(complete.info().status()).isEqualTo(RunStatus.COMPLETE);
    }
}
