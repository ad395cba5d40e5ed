package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MachineCanaryTest {

    @Test
    void aReadingTimesBothProbesAndKeepsEveryRepetition() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T17:00:00Z"), ZoneOffset.UTC);
        MachineCanary.Reading reading = MachineCanary.measure("start", clock);

        assertThat(reading.phase()).isEqualTo("start");
        assertThat(reading.at()).isEqualTo("2026-11-26T17:00:00Z");
        for (MachineCanary.Probe probe : new MachineCanary.Probe[] {reading.cpu(), reading.wakeup()}) {
            assertThat(probe.samples()).hasSize(MachineCanary.REPETITIONS);
            assertThat(Arrays.stream(probe.samples()).min().orElseThrow()).isPositive();
            double[] sorted = probe.samples().clone();
            Arrays.sort(sorted);
            assertThat(probe.median()).isEqualTo(sorted[MachineCanary.REPETITIONS / 2]);
        }
        assertThat(reading.cpu().unit()).isEqualTo("ns/step");
        // A dependent chain of four register operations: well under a microsecond a step on any CPU that runs a JVM.
        assertThat(reading.cpu().median()).isLessThan(1000);
        assertThat(reading.wakeup().unit()).isEqualTo("us/round trip");
        assertThat(MachineCanary.describe(reading)).startsWith("machine canary (start): cpu ");
    }

    @Test
    void theCpuChainIsDeterministicAndDependsOnEveryStep() {
        assertThat(MachineCanary.chain(7, 1000)).isEqualTo(MachineCanary.chain(7, 1000))
                .isNotEqualTo(MachineCanary.chain(7, 999));
    }

    @Test
    void thePeerThreadStopsAfterTheProbe() {
        MachineCanary.wakeup();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("execbench-canary")
                && t.isAlive());
    }
}
