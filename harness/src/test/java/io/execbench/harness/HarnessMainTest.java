package io.execbench.harness;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.FAILED_ID;
import static io.execbench.harness.Fixtures.PARTIAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessMainTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HarnessMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void latestRendersTheNewestRunAndExitsThreeBecauseItFailed() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));
        Files.writeString(results.resolve("README.md"), "# results");

        int exit = run("report", "--latest", "--results=" + results);

        Path report = temp.resolve("reports").resolve(FAILED_ID).resolve("index.html");
        assertThat(exit).isEqualTo(HarnessMain.ATTENTION);
        assertThat(out.toString()).isEqualTo("Report: " + report.toAbsolutePath() + System.lineSeparator()
                + "1 benchmark, 1 failed, status failed" + System.lineSeparator());
        assertThat(Files.readString(report)).contains("banner-failed");
        assertThat(Files.readString(temp.resolve("reports").resolve("index.html")))
                .contains(FAILED_ID, PARTIAL_ID, COMPLETE_ID);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void completeRunExitsZero() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));

        int exit = run("report", results.resolve(COMPLETE_ID).toString(), "--reports=" + temp.resolve("out"));

        assertThat(exit).isEqualTo(HarnessMain.OK);
        assertThat(out.toString()).contains("8 benchmarks, 0 failed, status complete");
        assertThat(temp.resolve("out").resolve(COMPLETE_ID).resolve("index.html")).isRegularFile();
        assertThat(temp.resolve("out").resolve("index.html")).isRegularFile();
    }

    @Test
    void partialRunExitsThreeAfterWritingItsReport() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));

        int exit = run("report", results.resolve(PARTIAL_ID + ".partial").toString());

        Path report = temp.resolve("reports").resolve(PARTIAL_ID).resolve("index.html");
        assertThat(exit).isEqualTo(HarnessMain.ATTENTION);
        assertThat(Files.readString(report)).contains("banner-partial", "SIGINT or SIGTERM");
        assertThat(out.toString()).contains("status partial");
    }

    @Test
    void plainJmhFolderRendersAndExitsZero() throws Exception {
        Path dir = Fixtures.copy("jmh-only/sampletime", temp.resolve("elsewhere").resolve("sampletime"));

        int exit = run("report", dir.toString(), "--reports=" + temp.resolve("reports"));

        assertThat(exit).isEqualTo(HarnessMain.OK);
        assertThat(out.toString()).contains("2 benchmarks, 0 failed, status unknown");
        assertThat(temp.resolve("reports").resolve("sampletime").resolve("index.html")).isRegularFile();
    }

    @Test
    void unreadableResultsExitTwoWithOneLineNamingTheFile() {
        Path dir = Fixtures.path("broken/truncated");

        int exit = run("report", dir.toString(), "--reports=" + temp.resolve("reports"));

        assertThat(exit).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: " + dir.resolve("jmh.json")
                + ": truncated JSON (unexpected end of input at line 36, column 6)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        assertThat(temp.resolve("reports")).doesNotExist();
    }

    @Test
    void latestInAnEmptyResultsFolderExitsTwo() throws Exception {
        Path results = Files.createDirectories(temp.resolve("results"));

        assertThat(run("report", "--latest", "--results=" + results)).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).contains(results + ": no run folder in the results folder");
    }

    @Test
    void missingOrConflictingArgumentsAreUsageErrors() {
        assertThat(run("report")).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).contains("give either RUN_DIR, --latest --results=DIR or --run-id-from=FILE --results=DIR");
        assertThat(run("report", "--latest")).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).contains("--latest needs --results=DIR");
        assertThat(run("report", "x", "--latest", "--results=y")).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(run()).isEqualTo(HarnessMain.BAD_INPUT);
    }
}
