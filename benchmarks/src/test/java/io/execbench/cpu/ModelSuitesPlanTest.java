package io.execbench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.runner.BenchmarkPlan;
import io.execbench.runner.PlannedBenchmark;
import io.execbench.runner.Profile;
import io.execbench.workload.UserWorkload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the runner plans of the execution-model suites: a grid chosen per profile, never a method per budget. */
class ModelSuitesPlanTest {

    private static List<String> plan(String include, Profile profile) {
        return BenchmarkPlan.of(include, profile).stream().map(PlannedBenchmark::shortLabel).toList();
    }

    @Test
    void offloadRunsAluAtEverySizeCoarseOnlyModelsAtTenMsAndMemoryForInlineAndFixedPool() {
        List<String> quick = plan("cpu\\.OffloadBenchmark\\.", Profile.QUICK);

        assertThat(quick).containsExactlyInAnyOrder(
                "OffloadBenchmark.baseline kernel=alu",
                "OffloadBenchmark.batch kernel=alu model=inline workUnits=333",
                "OffloadBenchmark.batch kernel=alu model=inline workUnits=33333",
                "OffloadBenchmark.batch kernel=alu model=inline workUnits=3333333",
                "OffloadBenchmark.batch kernel=memory model=inline workUnits=5000",
                "OffloadBenchmark.batch kernel=alu model=eventLoop workUnits=3333333",
                "OffloadBenchmark.batch kernel=alu model=fixedPool workUnits=333",
                "OffloadBenchmark.batch kernel=alu model=fixedPool workUnits=33333",
                "OffloadBenchmark.batch kernel=alu model=fixedPool workUnits=3333333",
                "OffloadBenchmark.batch kernel=memory model=fixedPool workUnits=5000",
                "OffloadBenchmark.batch kernel=alu model=forkJoin workUnits=333",
                "OffloadBenchmark.batch kernel=alu model=forkJoin workUnits=33333",
                "OffloadBenchmark.batch kernel=alu model=forkJoin workUnits=3333333",
                "OffloadBenchmark.batch kernel=alu model=virtual workUnits=333",
                "OffloadBenchmark.batch kernel=alu model=virtual workUnits=33333",
                "OffloadBenchmark.batch kernel=alu model=virtual workUnits=3333333",
                "OffloadBenchmark.batch kernel=alu model=processes workUnits=333",
                "OffloadBenchmark.batch kernel=alu model=processes workUnits=33333",
                "OffloadBenchmark.batch kernel=alu model=processes workUnits=3333333",
                "OffloadBenchmark.batch kernel=alu model=spawnPerTask workUnits=3333333");
        for (Profile profile : Profile.values()) {
            assertThat(plan("cpu\\.OffloadBenchmark\\.", profile)).as(profile.label()).isEqualTo(quick);
        }
    }

    @Test
    void poolSizeSweepsOneCoresAndMultiplesOfThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> sizes = PoolSizeBenchmark.poolSizes(cores);

        assertThat(PoolSizeBenchmark.poolSizes(2)).containsExactly("1", "2", "4", "8");
        assertThat(PoolSizeBenchmark.poolSizes(1)).containsExactly("1", "2", "4");
        assertThat(plan("cpu\\.PoolSizeBenchmark\\.", Profile.QUICK)).hasSize(2 * sizes.size())
                .contains("PoolSizeBenchmark.batch kernel=alu poolSize=1 model=fixedPool workUnits=33333",
                        "PoolSizeBenchmark.batch kernel=alu poolSize=" + cores + " model=virtual workUnits=33333");
    }

    @Test
    void taskLatencyMeasuresOneSmallTaskPerModelWithInlineAsTheBaseline() {
        assertThat(plan("cpu\\.TaskLatencyBenchmark\\.", Profile.QUICK)).containsExactly(
                "TaskLatencyBenchmark.task kernel=alu model=inline workUnits=333",
                "TaskLatencyBenchmark.task kernel=alu model=eventLoop workUnits=333",
                "TaskLatencyBenchmark.task kernel=alu model=fixedPool workUnits=333",
                "TaskLatencyBenchmark.task kernel=alu model=virtual workUnits=333",
                "TaskLatencyBenchmark.task kernel=alu model=processes workUnits=333");
    }

    @Test
    void workloadSuitesPlanNothingWithoutAWorkload() {
        assertThatThrownBy(() -> plan("cpu\\.Workload", Profile.QUICK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no benchmark matches --include 'cpu\\.Workload'");
    }

    @Test
    void workloadSuitesRunEveryModelAtEverySizeAndTheCoarseOnesAtTheLargest() {
        System.setProperty(UserWorkload.CLASS_PROPERTY, "com.example.Task");
        System.setProperty(UserWorkload.PATH_PROPERTY, ".");
        System.setProperty(WorkloadSizes.SIZES_PROPERTY, "10,1000");
        try {
            List<String> quick = plan("cpu\\.Workload", Profile.QUICK);
            List<String> smoke = plan("cpu\\.Workload", Profile.SMOKE);

            String batch = "WorkloadOffloadBenchmark.batch workload=com.example.Task model=%s workUnits=%s";
            assertThat(quick).contains(batch.formatted("inline", 10), batch.formatted("processes", 10),
                    batch.formatted("eventLoop", 1000), batch.formatted("spawnPerTask", 1000),
                    "WorkloadLatencyBenchmark.task workload=com.example.Task model=virtual workUnits=10")
                    .doesNotContain(batch.formatted("eventLoop", 10), batch.formatted("spawnPerTask", 10))
                    .hasSize(5 * 2 + 2 + 5);
            assertThat(smoke).doesNotContain(batch.formatted("spawnPerTask", 1000)).hasSize(quick.size() - 1);
            assertThat(plan("cpu\\.Workload", Profile.TEST)).hasSize(4 * 2 + 2);
        } finally {
            System.clearProperty(UserWorkload.CLASS_PROPERTY);
            System.clearProperty(UserWorkload.PATH_PROPERTY);
            System.clearProperty(WorkloadSizes.SIZES_PROPERTY);
        }
    }
}
