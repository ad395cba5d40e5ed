package io.execbench.harness.hostile;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import io.execbench.harness.HarnessMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed hostile corpus ({@code fixtures/hostile/}, written by its {@code make_hostile.py}): each case is a
 * run folder damaged in one way. Placed in a results folder between two good runs, each case must fail only itself:
 * reporting it exits 2 with one line naming the file and what is wrong (no stack trace), while the good run still
 * renders with the index listing the case as unreadable, and the comparison falls back to the older good run.
 */
class HostileResultsTest {

    /** Older than the hostile case: the baseline compare falls back to. */
    private static final String OLDER_ID = "2026-11-10T00-00-00Z_86bb15c_b663e4";
    /** The hostile case, older than the good run so that the good run's history reads it. */
    private static final String HOSTILE_ID = "2026-11-20T00-00-00Z_86bb15c_b663e4";

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static Stream<Arguments> cases() {
        return Stream.of(
                hostile("raw-data-null", "jmh.json", "primaryMetric rawData holds null instead of a fork's iterations"),
                hostile("raw-data-value-null", "jmh.json", "primaryMetric.rawData[0][0]", "null where a number belongs"),
                hostile("raw-data-nan", "jmh.json", "rawData holds NaN, not a finite number"),
                hostile("histogram-null", "jmh.json", "rawDataHistogram holds null instead of an array"),
                hostile("histogram-pair-short", "jmh.json", "an entry of 1 numbers, expected [value, count]"),
                hostile("histogram-count-negative", "jmh.json", "holds [1.5, -3.0]; expected a finite value and a whole count"),
                hostile("jvm-args-null", "jmh.json", "jvmArgs holds null instead of a string"),
                hostile("param-null", "jmh.json", "params.model is null"),
                hostile("param-threads-huge", "jmh.json", "params.threads = 3000000000 is out of range (0 to 2147483647)"),
                hostile("threads-negative", "jmh.json", "threads -4 is negative"),
                hostile("no-primary-metric", "jmh.json", "benchmark 1 has no primaryMetric"),
                hostile("primary-metric-string", "jmh.json", "unexpected value at primaryMetric", "expected an object"),
                hostile("score-infinite", "jmh.json", "primaryMetric score is Infinity, not a finite number"),
                hostile("score-error-negative", "jmh.json", "scoreError -1.0 is negative"),
                hostile("truncated", "jmh.json", "truncated JSON (unexpected end of input"),
                hostile("not-utf8", "jmh.json", "Invalid UTF-8 start byte 0xff"),
                hostile("deep-nesting", "jmh.json", "nesting depth (1001) exceeds the maximum allowed (1000"),
                hostile("jmh-not-array", "jmh.json", "expected a JSON array of benchmark results"),
                hostile("run-json-not-object", "run.json", "expected a JSON object"),
                hostile("run-json-schema-text", "run.json", "schemaVersion is missing or not an integer"),
                hostile("run-json-count-huge", "run.json", "planned is not an integer: 1.0E30"),
                hostile("run-json-bad-status", "run.json", "status '\\u001b[2Jdone' is not one of"),
                hostile("hlog-huge-precision", "latency/x.hlog",
                        "interval 1 declares 5 significant digits over 1 to 4611686018427387904, 6160384 counts;"
                                + " at most 1048576 are read"),
                hostile("hlog-not-base64", "latency/x.hlog", "interval 1 is not a valid histogram line (not base64)"),
                hostile("hlog-bad-range", "latency/x.hlog", "interval 1 declares a value range of 1099511627776 to 5"));
    }

    private static Arguments hostile(String name, String file, String... expected) {
        return Arguments.of(name, file, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileRunFailsAloneWithOneLineNamingItsFile(String name, String file, List<String> expected)
            throws IOException {
        Path results = resultsWith(Fixtures.path("hostile/" + name));
        Path hostile = results.resolve(HOSTILE_ID);

        int exit = run("report", hostile.toString(), "--reports=" + temp.resolve("reports"));

        assertThat(exit).isEqualTo(HarnessMain.BAD_INPUT);
        String message = err.toString();
        assertThat(message).startsWith("error: " + hostile.resolve(file) + ": ").contains(expected);
        assertThat(message).doesNotContain("\tat ", "Exception");
        assertThat(message.lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
        assertTheOthersStillWork(results, hostile, file);
    }

    private void assertTheOthersStillWork(Path results, Path hostile, String file) throws IOException {
        // The jmh.json and latency cases list well (run.json reads), so only the full read finds them out: report
        // the good run, whose index and history must still be written, naming the case as unreadable.
        reset();
        assertThat(run("report", results.resolve(COMPLETE_ID).toString(), "--reports=" + temp.resolve("reports")))
                .as(err.toString()).isEqualTo(HarnessMain.OK);
        String index = Files.readString(temp.resolve("reports").resolve("index.html"));
        assertThat(index).contains(COMPLETE_ID, OLDER_ID);
        if (!file.startsWith("latency/")) { // the index reads no latency logs: the run is listed and readable
            assertThat(index).contains(HOSTILE_ID, "unreadable");
            assertThat(err.toString()).contains("warning: skipped unreadable run: " + hostile.resolve(file));
        }

        reset();
        assertThat(run("trend", "--results=" + results)).as(err.toString()).isEqualTo(HarnessMain.OK);

        // The hostile case is the newest candidate baseline of the good run; compare must fall back to the older
        // good run (a latency log is no part of a comparison, so that case is a fine baseline).
        reset();
        assertThat(run("compare", results.resolve(COMPLETE_ID).toString())).as(err.toString())
                .isEqualTo(HarnessMain.OK);
        String baseline = file.startsWith("latency/") ? HOSTILE_ID : OLDER_ID;
        assertThat(out.toString()).contains("against " + baseline + " (latest comparable)");

        // Calibration over the newest runs skips the case the same way and still finds two.
        reset();
        assertThat(run("calibrate", "--last=2", "--results=" + results, "--output=" + temp.resolve("noise.json")))
                .as(err.toString()).isEqualTo(HarnessMain.OK);
        assertThat(out.toString()).contains("from 2 runs");
    }

    private Path resultsWith(Path hostileCase) {
        Path results = Fixtures.copy("results/" + COMPLETE_ID, temp.resolve("results").resolve(COMPLETE_ID))
                .getParent();
        copyRun(results.resolve(COMPLETE_ID), results.resolve(OLDER_ID));
        Fixtures.copy("hostile/" + hostileCase.getFileName(), results.resolve(HOSTILE_ID));
        return results;
    }

    private static Path copyRun(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
            return to;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int run(String... args) {
        return HarnessMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
