package io.execbench.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.topology.Topology;
import io.execbench.topology.TopologyProbe;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ScalingPlanTest {

    private static Topology fixture(String tree, int availableProcessors) {
        try {
            return TopologyProbe.ofTree(Path.of(Objects.requireNonNull(
                    ScalingPlanTest.class.getResource("/topology/" + tree)).toURI()), availableProcessors);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoCoreVmSweepsOneToFourThreadsWithoutPacked() {
        ScalingPlan plan = ScalingPlan.of(fixture("vm-2core", 2), null);
        assertThat(plan.threadCounts()).containsExactly(1, 2, 3, 4);
        assertThat(plan.placements()).containsExactly("os", "spread");
        assertThat(plan.notes()).singleElement().asString().startsWith("packed skipped: no SMT siblings");
    }

    @Test
    void smtDesktopGetsEveryPlacementAndEightCounts() {
        ScalingPlan plan = ScalingPlan.of(fixture("desktop-4c8t", 8), null);
        assertThat(plan.threadCounts()).containsExactly(1, 2, 3, 4, 6, 8, 12, 16);
        assertThat(plan.placements()).containsExactly("os", "spread", "packed");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void serverSampleKeepsTheRequiredCountsWithinTheCap() {
        ScalingPlan plan = ScalingPlan.of(fixture("server-2s4c2t", 15), null);
        assertThat(plan.threadCounts()).hasSizeLessThanOrEqualTo(ScalingPlan.MAX_THREAD_COUNTS)
                .contains(1, 2, 8, 15, 30).isSorted();
    }

    @Test
    void containerNotesItsQuotaAndCpuset() {
        ScalingPlan plan = ScalingPlan.of(fixture("container-1.5cpu", 2), null);
        assertThat(plan.threadCounts()).containsExactly(1, 2, 3, 4, 6, 8);
        assertThat(plan.placements()).containsExactly("os", "spread", "packed");
        assertThat(plan.notes()).containsExactly("this process may use 4 of the 8 online CPUs",
                "cgroup CPU quota of 1.5 CPUs: throughput cannot scale past it even though 4 CPUs are allowed");
    }

    @Test
    void withoutPinningOnlyTheOsPlaces() {
        ScalingPlan plan = ScalingPlan.of(fixture("desktop-4c8t", 8), "pinning unavailable: not Linux (Mac OS X)");
        assertThat(plan.placements()).containsExactly("os");
        assertThat(plan.notes()).containsExactly(
                "spread and packed skipped, only the OS places threads: pinning unavailable: not Linux (Mac OS X)");
    }

    @Test
    void manyCpusAreSampledEvenlyOnALogScale() {
        List<Integer> counts = ScalingPlan.threadCounts(64, 128, 8);
        assertThat(counts).hasSize(8).startsWith(1, 2).contains(64, 128, 256).isSorted();
    }

    @Test
    void spreadFillsCoresBeforeSiblingsAndPackedFillsSiblingsFirst() {
        Topology desktop = fixture("desktop-4c8t", 8);
        assertThat(Placement.SPREAD.cpuOrder(desktop)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(Placement.PACKED.cpuOrder(desktop)).containsExactly(0, 4, 1, 5, 2, 6, 3, 7);
        assertThat(Placement.OS.cpuOrder(desktop)).isEmpty();
        Topology server = fixture("server-2s4c2t", 15);
        assertThat(Placement.SPREAD.cpuOrder(server).subList(0, 9)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Placement.PACKED.cpuOrder(server).subList(0, 4)).containsExactly(0, 8, 1, 9);
    }
}
