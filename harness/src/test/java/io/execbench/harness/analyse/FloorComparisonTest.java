package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.compare.TrackedResults;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.FloorReadings;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Direction;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real floor fixture (src/test/resources/floor/README.md): pipe 64 B and 16 KiB, tcp 64 B, threads 64 B. */
class FloorComparisonTest {

    static Path floorRun() throws Exception {
        try (var runs = Files.list(Path.of(FloorComparisonTest.class.getResource("/floor").toURI()))) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void eachRoundTripWithACPointStandsBesideIt() throws Exception {
        Run run = RunReader.read(floorRun());
        FloorComparison floor = FloorComparison.of(run.results(), run.floor());

        assertThat(floor.present()).isTrue();
        assertThat(floor.rows()).extracting(r -> r.transport() + " " + r.payloadBytes())
                .containsExactly("pipe 64", "pipe 16384", "tcp 64"); // threads has no C counterpart
        FloorReadings.Point pipe64 = run.floor().orElseThrow().points().getFirst();
        FloorComparison.Row row = floor.rows().getFirst();
        double cP50 = pipe64.runs().stream().mapToDouble(FloorReadings.FloorRun::p50Ns).average().orElseThrow();
        assertThat(row.p50().cNs().value()).isCloseTo(cP50, within(1e-9));
        assertThat(row.p50().ratio().value()).isCloseTo(row.p50().javaNs().value() / cP50, within(1e-9));
        assertThat(row.p50().ratio().low()).isLessThan(row.p50().ratio().value());
        assertThat(row.p50().ratio().high()).isGreaterThan(row.p50().ratio().value());
        assertThat(row.p99().javaNs().value()).isGreaterThan(row.p50().javaNs().value());
        assertThat(floor.summary()).hasValueSatisfying(s -> assertThat(s).startsWith("Against the same mechanism in C"));
        assertThat(floor.headline()).startsWith("Java against C (same run): p50 ");
    }

    @Test
    void theRatiosAreTrackedLikeAnyScore() throws Exception {
        Run run = RunReader.read(floorRun());
        List<BenchmarkResult> tracked = FloorComparison.trackedResults(run);

        assertThat(tracked).extracting(BenchmarkResult::benchmark).containsExactly(
                "io.execbench.floor.JavaOverC.p50", "io.execbench.floor.JavaOverC.p99",
                "io.execbench.floor.JavaOverC.p50", "io.execbench.floor.JavaOverC.p99",
                "io.execbench.floor.JavaOverC.p50", "io.execbench.floor.JavaOverC.p99");
        BenchmarkResult p50 = tracked.getFirst();
        assertThat(p50.params()).containsEntry("transport", "pipe").containsEntry("payloadBytes", "64");
        assertThat(Direction.of(p50.mode(), p50.primaryMetric().scoreUnit())).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(p50.primaryMetric().rawData().getFirst()).hasSize(3); // one ratio per measurement iteration
        FloorComparison.Row row = FloorComparison.of(run.results(), run.floor()).rows().getFirst();
        assertThat(p50.primaryMetric().score()).isCloseTo(row.p50().ratio().value(), within(1e-9));
        assertThat(TrackedResults.of(run)).hasSize(run.results().size() + tracked.size());
    }

    @Test
    void aRunWithoutTheFileHasNothingToSay() throws Exception {
        Run run = RunReader.read(floorRun());
        FloorComparison none = FloorComparison.of(run.results(), Optional.empty());
        assertThat(none.present()).isFalse();
        assertThat(none.summary()).isEmpty();
        Run withoutFloor = new Run(run.folder(), run.info(), run.results());
        assertThat(TrackedResults.of(withoutFloor)).isEqualTo(run.results());
    }

    @Test
    void aRunWithoutACompilerSaysSo() throws URISyntaxException {
        FloorComparison floor = FloorComparison.of(List.of(), Optional.of(new FloorReadings(null,
                "no C compiler (cc, gcc or clang) on PATH", List.of())));
        assertThat(floor.present()).isTrue();
        assertThat(floor.summary()).contains("No C floor in this run: no C compiler (cc, gcc or clang) on PATH.");
    }
}
