package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.ThroughputPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The experiment analyses on the real fixtures of report/ (see the README there). */
class ExperimentFixturesTest {

    @Test
    void scalingSweepsScoreTheWorkUnitsCounterAndExplainTheMissingYield() throws Exception {
        Run run = RunReader.read(ReportResources.path("scaling"));
        MachineFacts machine = MachineFacts.read(run.folder().dir());
        ScalingExperiment scaling = ScalingExperiment.of(run.results(), machine.logicalCpus(),
                machine.usableCpus(), machine.scalingPlanNotes());

        assertThat(machine.logicalCpus()).isEqualTo(2);
        assertThat(scaling.sweeps()).hasSize(6).extracting(ScalingExperiment.Sweep::otherParams)
                .contains("kernel=alu, placement=os", "kernel=memory, placement=spread");
        ScalingExperiment.Sweep alu = scaling.sweeps().getFirst();
        assertThat(alu.unit()).isEqualTo("ops/s");
        assertThat(alu.points()).extracting(ThroughputPoint::threads).containsExactly(1, 2, 3, 4);
        assertThat(alu.points().getFirst().score()).isGreaterThan(1e8); // kernel steps per second, not batches
        assertThat(scaling.yields()).hasSize(3).allSatisfy(row -> {
            assertThat(row.yield()).isEmpty();
            assertThat(row.reason()).contains("no SMT siblings");
        });
    }

    @Test
    void modelsCompareEachModelWithInlineAtTheSameTaskSize() throws Exception {
        Run run = RunReader.read(ReportResources.path("models"));
        ModelExperiment models = ModelExperiment.of(run.results());

        assertThat(models.sweeps()).hasSize(1); // batch; task is SampleTime, in the latency section
        ModelExperiment.Sweep batch = models.sweeps().getFirst();
        assertThat(batch.models()).containsExactly("inline", "fixedPool", "virtual");
        assertThat(batch.sizes()).containsExactly(100L, 10_000L, 1_000_000L);
        ModelExperiment.Cell inline = batch.cell("inline", 10_000L);
        ModelExperiment.Cell pool = batch.cell("fixedPool", 10_000L);
        // avgt us/op: calls per second is 1e6 / score, and the speedup inline's time over the pool's.
        assertThat(inline.callsPerSecond().value()).isCloseTo(1e6 / 204.604, within(0.01));
        assertThat(pool.speedup().value())
                .isCloseTo(pool.callsPerSecond().value() / inline.callsPerSecond().value(), within(1e-9));
        assertThat(inline.speedup().value()).isEqualTo(1);
        assertThat(batch.breakEvens()).extracting(ModelExperiment.BreakEven::model)
                .containsExactly("fixedPool", "virtual");
    }

    @Test
    void ipcCurvesPerTransportWithFits() throws Exception {
        Run run = RunReader.read(ReportResources.path("ipc"));
        IpcExperiment ipc = IpcExperiment.of(run.results());

        assertThat(ipc.curves()).hasSize(6);
        List<IpcExperiment.Curve> trips = ipc.curves().stream()
                .filter(c -> c.kind() == IpcExperiment.Kind.ROUND_TRIP).toList();
        assertThat(trips).extracting(IpcExperiment.Curve::transport).containsExactlyInAnyOrder("threads", "uds", "tcp");
        assertThat(trips).allSatisfy(c -> {
            assertThat(c.points()).extracting(IpcExperiment.Point::payloadBytes)
                    .containsExactly(0L, 64L, 4096L, 65536L, 1048576L);
            assertThat(c.fit()).isPresent();
            assertThat(c.fit().get().fixedNs().value()).isGreaterThan(1000); // microseconds, as measured
        });
        IpcExperiment.Curve stream = ipc.curves().stream().filter(c -> c.kind() == IpcExperiment.Kind.THROUGHPUT)
                .findFirst().orElseThrow();
        IpcExperiment.Point large = stream.points().getLast();
        assertThat(large.bytesPerSecond().value()).isCloseTo(1e9 / large.timeNs().value() * 1048576, within(1.0));
    }
}
