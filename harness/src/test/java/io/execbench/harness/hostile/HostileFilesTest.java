package io.execbench.harness.hostile;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.execbench.harness.Fixtures;
import io.execbench.harness.HarnessMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs that cannot be committed as files (FIFOs, links, odd folder names, huge files) or that need more
 * than one run to show: each is made here, in a results folder beside the real complete fixture run.
 */
class HostileFilesTest {

    private static final String HOSTILE_ID = "2026-11-20T00-00-00Z_86bb15c_b663e4";
    /** A hang is a failure, not a slow pass: the bound is minutes beyond any real read. */
    private static final Duration HANG = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFifoLatencyLogIsRefusedInsteadOfWaitedOn() throws Exception {
        Path results = results();
        Path latency = Files.createDirectories(results.resolve(COMPLETE_ID).resolve("latency"));
        Path fifo = latency.resolve("x.hlog");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        int exit = assertTimeoutPreemptively(HANG, () -> run("report", results.resolve(COMPLETE_ID).toString()));

        assertThat(exit).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: " + fifo + ": not a regular file (a FIFO, socket or device)"
                + System.lineSeparator());
    }

    @Test
    void aLinkedRunJsonIsNeitherFollowedNorShown() throws Exception {
        Path results = results();
        Path secret = Files.writeString(temp.resolve("secret.txt"), "hunter2-private-token");
        Path hostile = copyRun(results.resolve(COMPLETE_ID), results.resolve(HOSTILE_ID));
        Files.delete(hostile.resolve("run.json"));
        Files.createSymbolicLink(hostile.resolve("run.json"), secret);

        assertThat(run("report", results.resolve(COMPLETE_ID).toString())).isEqualTo(HarnessMain.OK);

        String index = Files.readString(temp.resolve("reports").resolve("index.html"));
        assertThat(index).doesNotContain("hunter2").contains("a symbolic link; links are not followed");
        assertThat(err.toString()).contains("warning: skipped unreadable run: " + hostile.resolve("run.json"));
        reset();
        assertThat(run("report", hostile.toString())).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).doesNotContain("hunter2");
    }

    @Test
    void aLinkedRunFolderIsNotJudgedAndGetsNoVerdictFiles() throws Exception {
        Path results = results();
        Path elsewhere = copyRun(results.resolve(COMPLETE_ID), temp.resolve("elsewhere").resolve("run"));
        Path link = Files.createSymbolicLink(results.resolve(HOSTILE_ID), elsewhere);

        assertThat(run("compare", link.toString())).isEqualTo(HarnessMain.BAD_INPUT);

        assertThat(err.toString()).contains(link + ": is a symbolic link");
        assertThat(elsewhere.resolve("verdict.json")).doesNotExist();
    }

    @Test
    void oddFolderNamesAreListedAsUnreadableAndNeverBreakTheIndex() throws Exception {
        Path results = results();
        for (String name : List.of("back\\slash", "new\nline", "bell\u0007", "\u202eevil")) {
            copyRun(results.resolve(COMPLETE_ID), results.resolve(name));
        }

        assertThat(run("report", results.resolve(COMPLETE_ID).toString())).isEqualTo(HarnessMain.OK);

        String index = Files.readString(temp.resolve("reports").resolve("index.html"));
        assertThat(index).contains("back\\slash", "the folder name cannot be a run id");
        List<String> warnings = err.toString().lines().toList();
        assertThat(warnings).hasSize(4).allMatch(line -> line.startsWith("warning: skipped unreadable run: "));
        assertThat(err.toString()).contains("new\\nline", "bell\\u0007", "\\u202eevil").doesNotContain("\u0007");
    }

    @Test
    void anOversizedJmhJsonIsRefusedWithoutBeingRead() throws Exception {
        Path results = results();
        Path hostile = copyRun(results.resolve(COMPLETE_ID), results.resolve(HOSTILE_ID));
        try (FileChannel sparse = FileChannel.open(hostile.resolve("jmh.json"), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            sparse.write(ByteBuffer.wrap(new byte[] {'['}), 300L << 20); // a hole: no disk used
        }

        assertThat(run("report", hostile.toString())).isEqualTo(HarnessMain.BAD_INPUT);

        assertThat(err.toString()).isEqualTo("error: " + hostile.resolve("jmh.json") + ": is 300.0 MiB, more than"
                + " the 256.0 MiB a results file may hold" + System.lineSeparator());
    }

    @Test
    void tenThousandHugeHistogramLinesAreRefusedAtTheFirst() throws Exception {
        Path results = results();
        Path hostile = Fixtures.copy("hostile/hlog-huge-precision", results.resolve(HOSTILE_ID));
        Path log = hostile.resolve("latency").resolve("x.hlog");
        List<String> lines = Files.readAllLines(log);
        String interval = lines.getLast();
        StringBuilder text = new StringBuilder(String.join("\n", lines.subList(0, lines.size() - 1))).append('\n');
        for (int i = 0; i < 10_000; i++) {
            text.append(interval).append('\n');
        }
        Files.writeString(log, text);

        int exit = assertTimeoutPreemptively(HANG, () -> run("report", hostile.toString()));

        assertThat(exit).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).contains(log + ": interval 1 declares 5 significant digits");
    }

    @Test
    void aLoneSurrogateInAnOldRunIsWrittenAsAReplacementAndNeverBreaksTheIndex() throws Exception {
        Path results = results();
        Fixtures.copy("hostile/lone-surrogate", results.resolve(HOSTILE_ID));

        assertThat(run("report", results.resolve(COMPLETE_ID).toString())).isEqualTo(HarnessMain.OK);
        assertThat(run("report", results.resolve(HOSTILE_ID).toString())).isEqualTo(HarnessMain.OK);

        assertThat(Files.readString(temp.resolve("reports").resolve("index.html"))).contains("?x");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anInfiniteCanaryReadingFailsOnlyTheRunThatHoldsIt() throws Exception {
        Path results = results();
        Path hostile = Fixtures.copy("hostile/canary-infinite", results.resolve(HOSTILE_ID));

        assertThat(run("compare", results.resolve(COMPLETE_ID).toString(), hostile.toString()))
                .isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: " + hostile.resolve("canary.json") + ": reading 1: cpu sample");

        reset();
        Path newer = copyRun(results.resolve(COMPLETE_ID), results.resolve("2026-11-30T00-00-00Z_86bb15c_b663e4"));
        assertThat(run("compare", newer.toString(), "--baseline=" + HOSTILE_ID)).isEqualTo(HarnessMain.OK);
        assertThat(err.toString()).contains("warning: baseline canary left out: " + hostile.resolve("canary.json"));
    }

    @Test
    void anInfiniteNoiseFloorNeverSilencesAVerdict() throws Exception {
        Path results = results();
        Path newer = copyRun(results.resolve(COMPLETE_ID), results.resolve("2026-11-30T00-00-00Z_86bb15c_b663e4"));
        Path noise = Files.writeString(results.resolve("noise.json"), """
                {"formatVersion": 1, "machineFingerprint": "b663e4", "profile": "test", "runs": [],
                 "floors": {"fixture.NoParamBench.baseline (avgt)": {"score": 1e999}}}""");

        assertThat(run("compare", newer.toString())).isEqualTo(HarnessMain.OK);
        assertThat(err.toString()).contains("warning: judged without a noise model: " + noise
                + ": fixture.NoParamBench.baseline (avgt) score: a floor must be a number from 0 to 1000");
        assertThat(out.toString()).doesNotContain("noise model: " + noise);

        reset();
        assertThat(run("compare", newer.toString(), "--noise=" + noise)).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: " + noise + ": ");
    }

    @Test
    void controlTextInBenchmarkNamesCannotBecomeAWorkflowCommandOrAnEscape() throws Exception {
        Path results = results();
        Path jmh = results.resolve(COMPLETE_ID).resolve("jmh.json");
        Files.writeString(jmh, Files.readString(jmh).replace("fixture.NoParamBench.baseline",
                "fixture.NoParamBench.baseline\\n::error title=pwned::x\\u001b[2J"));
        copyRun(results.resolve(COMPLETE_ID), results.resolve("2026-11-30T00-00-00Z_86bb15c_b663e4"));

        assertThat(run("compare", "2026-11-30T00-00-00Z_86bb15c_b663e4", "--results=" + results))
                .as(err.toString()).isEqualTo(HarnessMain.OK);
        assertThat(run("trend", "--results=" + results, "--all")).isEqualTo(HarnessMain.OK);

        String console = out.toString() + err;
        assertThat(console).contains("baseline\\n::error title=pwned::x\\u001b[2J").doesNotContain("\u001b");
        assertThat(console.lines()).noneMatch(line -> line.startsWith("::"));
    }

    @Test
    void runIdFromNamesTheRunJustMadeNotTheNewestFolder() throws Exception {
        Path results = results();
        copyRun(results.resolve(COMPLETE_ID), results.resolve("2099-01-01T00-00-00Z_future_b663e4"));
        Path idFile = Files.writeString(temp.resolve("execbench-run-id"), COMPLETE_ID + "\n");

        assertThat(run("status", "--run-id-from=" + idFile, "--results=" + results)).isEqualTo(HarnessMain.OK);
        assertThat(out.toString()).startsWith(COMPLETE_ID + ": ");

        reset();
        Files.writeString(idFile, "../" + COMPLETE_ID);
        assertThat(run("report", "--run-id-from=" + idFile, "--results=" + results)).isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).contains(idFile + ": does not hold a run folder name");

        reset();
        Files.delete(idFile);
        assertThat(run("compare", "--run-id-from=" + idFile, "--results=" + results))
                .isEqualTo(HarnessMain.BAD_INPUT);
        assertThat(err.toString()).contains(idFile + ": missing: the runner wrote no run id");
    }

    private Path results() {
        return Fixtures.copy("results/" + COMPLETE_ID, temp.resolve("results").resolve(COMPLETE_ID)).getParent();
    }

    private static Path copyRun(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private int run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (args[0].equals("report") && Stream.of(args).noneMatch(a -> a.startsWith("--reports"))) {
            all.add("--reports=" + temp.resolve("reports"));
        }
        return HarnessMain.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
