package io.execbench.harness;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.FAILED_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return HarnessMain.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }

    @Test
    void completeRunExitsZeroWithItsSummary() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));

        assertThat(run("status", COMPLETE_ID, "--results=" + results)).isEqualTo(HarnessMain.OK);
        assertThat(out.toString().strip()).isEqualTo(COMPLETE_ID + ": 8 benchmarks, 0 failed, status complete");
    }

    @Test
    void latestRunWithAFailedBenchmarkExitsThree() throws Exception {
        Path results = Fixtures.copy("results", temp.resolve("results"));

        assertThat(run("status", "--latest", "--results=" + results)).isEqualTo(HarnessMain.ATTENTION);
        assertThat(out.toString().strip()).isEqualTo(FAILED_ID + ": 1 benchmark, 1 failed, status failed");
    }

    @Test
    void needsARunOrLatest() {
        assertThat(run("status")).isEqualTo(HarnessMain.BAD_INPUT);
    }
}
