package io.execbench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real JMH fixture files under {@code src/test/resources/fixtures} (see the README there). */
public final class Fixtures {

    /** A complete run: ParamBench.hash (6 param combinations, one a script tag) and NoParamBench.baseline. */
    public static final String COMPLETE_ID = "2026-11-26T13-25-16Z_86bb15c_b663e4";
    /** A partial run (interrupted), with NaN errors from two iterations. */
    public static final String PARTIAL_ID = "2026-11-26T13-25-24Z_86bb15c_b663e4";
    /** A failed run: FailBench.explode failed, NoParamBench.baseline produced a result. The newest run. */
    public static final String FAILED_ID = "2026-11-26T13-25-32Z_86bb15c_b663e4";

    /** A/B, A/A: HEAD against the unchanged working tree, smoke, interleaved; 3 noisy. The oldest. */
    public static final String AB_AA_ID = "2026-12-02T02-44-13Z_ab_ffc667c-ffc667c";
    /** A/B, 8c270a0 against a working tree whose fp kernel loops 10% more: 3 regressed, 2 unchanged, 4 noisy. */
    public static final String AB_REGRESSED_ID = "2026-12-02T03-25-17Z_ab_8c270a0-8c270a0+";
    /** A/B, A/A as duets, smoke: 2 unchanged, 1 noisy. The newest. */
    public static final String AB_DUET_ID = "2026-12-02T06-11-58Z_ab_f21a329-f21a329";

    private Fixtures() {
    }

    /** A results folder holding only {@code ab/} with the three real A/B comparisons (see ab/README.md there). */
    public static Path abResults() {
        return path("ab/results");
    }

    /** A fixture file or folder, read in place; tests must never write there. */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixtures' results folder, holding the complete, partial and failed runs. */
    public static Path results() {
        return path("results");
    }

    /** A run folder of the fixtures' results folder. */
    public static Path run(String id) {
        return results().resolve(id);
    }

    /** Copies the fixture folder {@code relative} to {@code target} (created), for tests that write beside it. */
    public static Path copy(String relative, Path target) {
        Path source = path(relative);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
