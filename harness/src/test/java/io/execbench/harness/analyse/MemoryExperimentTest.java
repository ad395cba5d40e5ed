package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.MemoryReadings;
import io.execbench.harness.read.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed + per-unit fit of memory over counts, how many fit, the first limit, and the tracked results. */
class MemoryExperimentTest {

    private static final long MIB = 1 << 20;
    private static final MemoryReadings.Limits LIMITS = new MemoryReadings.Limits(10_000L, 200L, 65_530L, 4_096L,
            96L, null, 24L << 30, 20L << 30, null, null);

    /** A sweep on the line fixed + perUnit x count, each step's threads and mappings growing by the given rates. */
    private static MemoryReadings sweep(String unit, long fixed, long perUnit, long threadsPerUnit, long mapsPerUnit,
                                        long... counts) {
        List<MemoryReadings.Step> steps = new ArrayList<>();
        for (long n : counts) {
            long bytes = fixed + perUnit * n;
            steps.add(new MemoryReadings.Step(n, bytes + MIB, bytes, 20 + threadsPerUnit * n, 200 + mapsPerUnit * n,
                    unit.equals("jvm") ? n : 1, 1L << 34, 1.0));
        }
        return new MemoryReadings(Path.of("memory", unit + "-1.json"), unit, LIMITS, steps, null);
    }

    @Test
    void recoversTheFixedAndPerUnitPartsOfAnExactLine() {
        MemoryExperiment memory = MemoryExperiment.of(List.of(sweep("platform", 40 * MIB, 64 << 10, 1, 2,
                1, 10, 100, 1000, 2000)));

        MemoryExperiment.Unit platform = memory.units().getFirst();
        assertThat(platform.pss().fixedBytes().value()).isCloseTo(40.0 * MIB, within(1.0));
        assertThat(platform.pss().perUnitBytes().value()).isCloseTo(65_536.0, within(0.01));
        assertThat(platform.pss().perUnitBytes().high() - platform.pss().perUnitBytes().low()).isLessThan(0.01);
        assertThat(platform.rss().fixedBytes().value()).isCloseTo(41.0 * MIB, within(1.0));
        assertThat(platform.fitsInOneGiB().value()).isEqualTo(16_384);
    }

    @Test
    void namesTheLimitThatBindsFirst() {
        // 4,096 pids with 96 in use: 3,980 threads left beside the JVM's own 20, one per platform thread; 32,000 stacks' mappings.
        MemoryExperiment.Unit platform = MemoryExperiment.of(List.of(sweep("platform", 40 * MIB, 64 << 10, 1, 2,
                1, 100, 1000))).units().getFirst();

        assertThat(platform.capacities()).extracting(MemoryExperiment.Capacity::limit)
                .containsExactly("pids.max", "threads-max", "max_map_count", "memory (MemTotal)");
        assertThat(platform.capacities().getFirst().units()).isEqualTo(4_096 - 96 - 20); // 20 threads of the JVM itself

        // A virtual thread adds no thread and no mapping: only memory limits it.
        MemoryExperiment.Unit virtual = MemoryExperiment.of(List.of(sweep("virtual", 40 * MIB, 1024, 0, 0,
                1, 1000, 100_000))).units().getFirst();
        assertThat(virtual.capacities()).extracting(MemoryExperiment.Capacity::limit)
                .containsExactly("memory (MemTotal)");
        assertThat(virtual.capacities().getFirst().units()).isEqualTo((24L << 30) / 1024 - 40 * 1024);
    }

    @Test
    void aSingleCountHasNoFit() {
        MemoryExperiment.Unit jvm = MemoryExperiment.of(List.of(sweep("jvm", 0, 30 * MIB, 20, 200, 1)))
                .units().getFirst();

        assertThat(jvm.pss()).isNull();
        assertThat(jvm.fitsInOneGiB()).isNull();
        assertThat(jvm.capacities()).isEmpty();
    }

    @Test
    void aRealSmokeRunFitsEveryKindAndTracksItsSlopes() throws Exception {
        MemoryExperiment memory = MemoryExperiment.of(MemoryReadings.readAll(Path.of(
                "src/test/resources/memory/smoke-run")));

        assertThat(memory.units()).extracting(MemoryExperiment.Unit::unit).containsExactly("platform", "virtual",
                "jvm");
        MemoryExperiment.Unit jvm = memory.units().get(2);
        // three JVMs: 24.8, 50.8 and 81.2 MB of PSS
        assertThat(jvm.pss().perUnitBytes().value() / MIB).isCloseTo(26.2, within(0.1));
        assertThat(jvm.capacities().getFirst().limit()).isEqualTo("memory (MemTotal)");
        assertThat(memory.units().getFirst().capacities().getFirst().limit()).isEqualTo("max_map_count");

        RunInfo.Jvm runJvm = new RunInfo.Jvm("v", "25", "vm", "25.0.3", List.of(), "1.37");
        List<BenchmarkResult> tracked = memory.trackedResults(4, runJvm);
        assertThat(tracked).hasSize(6).allSatisfy(r -> {
            assertThat(r.benchmark()).isEqualTo("io.execbench.process.Memory.perUnit");
            assertThat(r.primaryMetric().scoreUnit()).isEqualTo("B/unit");
        });
        assertThat(tracked).extracting(BenchmarkResult::index).containsExactly(4, 5, 6, 7, 8, 9);
        BenchmarkResult jvmPss = tracked.get(5);
        assertThat(jvmPss.params()).containsEntry("unit", "jvm").containsEntry("metric", "pss");
        // per fork: the PSS added per JVM from the first step to the second and to the third
        assertThat(jvmPss.primaryMetric().rawData()).containsExactly(List.of(26_036_224.0,
                (81_164_288.0 - 24_787_968.0) / 2));
    }
}
