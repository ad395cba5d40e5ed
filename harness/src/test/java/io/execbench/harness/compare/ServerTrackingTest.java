package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.ReportResources;
import io.execbench.harness.analyse.ServerTracking;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server experiment's tracked results: cheap p99 per sustainable step, and the sustainable rate per mix. */
class ServerTrackingTest {

    @Test
    void everySustainableStepAndEveryMixIsTrackedWithItsDirection() throws Exception {
        Run run = RunReader.read(ReportResources.path("server"));

        List<BenchmarkResult> tracked = TrackedResults.of(run);

        List<BenchmarkResult> sustainable = tracked.stream()
                .filter(r -> r.benchmark().equals(ServerTracking.SUSTAINABLE)).toList();
        assertThat(sustainable).hasSize(21); // 7 configurations x 3 mixes
        BenchmarkResult loop = sustainable.stream().filter(r -> r.params().equals(Map.of("model", "eventLoop",
                "heavyShare", "0.01"))).findFirst().orElseThrow();
        assertThat(loop.primaryMetric().score()).isEqualTo(3000);
        assertThat(loop.primaryMetric().scoreUnit()).isEqualTo("ops/s");
        assertThat(Direction.of(loop.mode(), loop.primaryMetric().scoreUnit())).isEqualTo(Direction.HIGHER_IS_BETTER);

        BenchmarkResult p99 = tracked.stream().filter(r -> r.benchmark().equals(ServerTracking.CHEAP_P99)
                && r.params().equals(Map.of("model", "eventLoop", "heavyShare", "0.01", "offeredPerSec", "1500")))
                .findFirst().orElseThrow();
        assertThat(p99.primaryMetric().score()).isCloseTo(15453.2, within(1e-9));
        assertThat(p99.primaryMetric().rawData()).singleElement().asList().hasSize(8);
        assertThat(Direction.of(p99.mode(), p99.primaryMetric().scoreUnit())).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(tracked.stream().filter(r -> r.benchmark().equals(ServerTracking.CHEAP_P99)
                && r.params().get("model").equals("eventLoop") && r.params().get("heavyShare").equals("0.01")
                && r.params().get("offeredPerSec").equals("5000")))
                .as("the unsustainable step is not tracked").isEmpty();
        assertThat(tracked).extracting(BenchmarkResult::index).doesNotHaveDuplicates();
    }

    @Test
    void eachConfigurationsHeavyCapacityIsTrackedAsTheSteadyIntervalsMean() throws Exception {
        List<BenchmarkResult> capacity = TrackedResults.of(RunReader.read(ReportResources.path("server"))).stream()
                .filter(r -> r.benchmark().equals(ServerTracking.HEAVY_CAPACITY)).toList();

        assertThat(capacity).hasSize(7).extracting(r -> r.params().get("model")).containsExactly("eventLoop",
                "loopOffload-4", "loopOffload-2", "threadPool", "virtual", "processes-1", "processes-2");
        BenchmarkResult one = capacity.get(5);
        assertThat(one.params()).isEqualTo(Map.of("model", "processes-1"));
        // server/processes-1.json: [8, 92, 84, 84, 92, 92, 84, 92]; the first interval is the warm-up's round trip
        assertThat(one.primaryMetric().rawData()).containsExactly(List.of(92.0, 84.0, 84.0, 92.0, 92.0, 84.0, 92.0));
        assertThat(one.primaryMetric().score()).isCloseTo(620 / 7.0, within(1e-9));
        assertThat(one.primaryMetric().scoreError()).isPositive();
        assertThat(one.primaryMetric().scoreUnit()).isEqualTo("ops/s");
        assertThat(Direction.of(one.mode(), one.primaryMetric().scoreUnit())).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void aRunWithoutServerResultsTracksOnlyItsOwn() throws Exception {
        Run run = RunReader.read(ReportResources.path("startup"));
        assertThat(TrackedResults.of(run)).isEqualTo(run.results());
    }
}
