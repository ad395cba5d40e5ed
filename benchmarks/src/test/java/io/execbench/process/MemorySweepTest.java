package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.runner.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small sweeps of each kind in real child JVMs. Only what holds on any machine is asserted: one step per count, the
 * units and their processes counted in the figures, every JVM gone afterwards. No figure is compared with a threshold.
 */
class MemorySweepTest {

    @Test
    void platformThreadsAreEachCountedInTheirJvm() {
        MemorySweep.Result result = MemorySweep.run(UnitKind.PLATFORM, List.of(1, 40));

        assertThat(result.stoppedAt()).isNull();
        assertThat(result.steps()).extracting(MemorySweep.Step::count).containsExactly(1, 40);
        MemorySweep.Step one = result.steps().get(0);
        MemorySweep.Step forty = result.steps().get(1);
        assertThat(forty.threads() - one.threads()).isEqualTo(39);
        assertThat(forty.mappings()).isGreaterThan(one.mappings()); // each thread stack is a mapping of its own
        assertThat(one.processes()).isEqualTo(1);
        assertThat(one.rssBytes()).isGreaterThanOrEqualTo(one.pssBytes()).isPositive();
        assertNoChildLeft();
    }

    @Test
    void virtualThreadsAddNoThreadOfTheirOwn() {
        MemorySweep.Result result = MemorySweep.run(UnitKind.VIRTUAL, List.of(1, 2000));

        assertThat(result.steps()).hasSize(2);
        // carriers may be added, but not a thread per unit
        assertThat(result.steps().get(1).threads() - result.steps().get(0).threads()).isLessThan(10);
        assertNoChildLeft();
    }

    @Test
    void jvmsAreSummedOverEveryProcess() {
        MemorySweep.Result result = MemorySweep.run(UnitKind.JVM, List.of(1, 2));

        assertThat(result.steps()).extracting(MemorySweep.Step::processes).containsExactly(1, 2);
        assertThat(result.steps().get(1).rssBytes()).isGreaterThan(result.steps().get(0).rssBytes());
        assertNoChildLeft();
    }

    @Test
    void everyProfileSweepsAscendingCountsWithinTheIssuesRanges() {
        for (Profile profile : Profile.values()) {
            for (UnitKind unit : UnitKind.values()) {
                List<Integer> counts = MemorySweep.counts(unit, profile);
                assertThat(counts).as("%s %s", unit, profile).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(1)
                        .first().isEqualTo(1);
            }
        }
        assertThat(MemorySweep.counts(UnitKind.PLATFORM, Profile.FULL).getLast()).isEqualTo(2_000);
        assertThat(MemorySweep.counts(UnitKind.VIRTUAL, Profile.FULL).getLast()).isEqualTo(1_000_000);
        assertThat(MemorySweep.counts(UnitKind.JVM, Profile.FULL).getLast()).isEqualTo(8);
    }

    private static void assertNoChildLeft() {
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(ParkedUnits.class.getName())))
                .isEmpty();
    }
}
