package io.execbench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.read.CanaryReadings;
import io.execbench.harness.read.RunReadException;
import io.execbench.harness.stats.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real canary of a quiet run (test resources canary/), against itself and against copies scaled in memory. */
class MachineDriftTest {

    private static CanaryReadings real() throws Exception {
        Path dir = Path.of(MachineDriftTest.class.getResource("/canary/canary.json").toURI()).getParent();
        return CanaryReadings.read(dir).orElseThrow();
    }

    /** The same readings on a machine whose probe {@code name} takes {@code factor} times as long. */
    private static CanaryReadings scaled(CanaryReadings readings, String name, double factor) {
        Map<String, CanaryReadings.Probe> probes = new LinkedHashMap<>(readings.probes());
        CanaryReadings.Probe probe = probes.get(name);
        probes.put(name, new CanaryReadings.Probe(probe.unit(),
                Arrays.stream(probe.samples()).map(s -> s * factor).toArray()));
        return new CanaryReadings(probes, readings.phases());
    }

    @Test
    void readsBothReadingsOfTheRealRun() throws Exception {
        CanaryReadings readings = real();
        assertThat(readings.phases()).containsExactly("start", "end");
        assertThat(readings.probes().keySet()).containsExactly("cpu", "wakeup");
        assertThat(readings.probes().get("cpu").samples()).hasSize(62); // 31 repetitions at start and at end
        assertThat(readings.probes().get("cpu").unit()).isEqualTo("ns/step");
        assertThat(Stats.median(readings.probes().get("cpu").samples())).isCloseTo(3.0, within(0.1));
    }

    @Test
    void theSameMachineHasNoDrift() throws Exception {
        MachineDrift drift = MachineDrift.of(Optional.of(real()), Optional.of(real()), ComparisonSettings.DEFAULTS);
        assertThat(drift.hasCanary()).isTrue();
        assertThat(drift.magnitude()).isZero();
        assertThat(drift.probes()).extracting(MachineDrift.ProbeChange::counted).containsOnly(false);
        assertThat(drift.describe()).endsWith("the machine did not change measurably");
    }

    @Test
    void aWakeUpTenPercentSlowerRaisesEveryThresholdToTenPercent() throws Exception {
        MachineDrift drift = MachineDrift.of(Optional.of(real()), Optional.of(scaled(real(), "wakeup", 1.10)),
                ComparisonSettings.DEFAULTS);
        assertThat(drift.magnitude()).isCloseTo(0.10, within(1e-9));
        MachineDrift.ProbeChange wakeup = drift.probes().get(1);
        assertThat(wakeup.counted()).isTrue();
        assertThat(wakeup.pValue()).isLessThan(0.01);
        assertThat(wakeup.describe()).startsWith("wakeup 10.0% slower");
        assertThat(drift.probes().get(0).counted()).isFalse();
        Threshold raised = Threshold.of(0.03, 0, 0.02, 0.01).withMachineDrift(drift.magnitude());
        assertThat(raised.value()).isCloseTo(0.10, within(1e-9));
        assertThat(raised.why()).contains("canary");
        // Faster counts as much as slower: either way the machine, not the code, moved the numbers.
        assertThat(MachineDrift.of(Optional.of(scaled(real(), "cpu", 1.10)), Optional.of(real()),
                ComparisonSettings.DEFAULTS).magnitude()).isCloseTo(0.10, within(1e-9));
    }

    @Test
    void aChangeBelowTheMinimumEffectIsNotCounted() throws Exception {
        MachineDrift drift = MachineDrift.of(Optional.of(real()), Optional.of(scaled(real(), "cpu", 1.02)),
                ComparisonSettings.DEFAULTS);
        assertThat(drift.magnitude()).isZero();
        assertThat(drift.probes().getFirst().describe()).contains("2.0% slower").endsWith("not counted");
    }

    @Test
    void aRunWithoutCanaryIsSaidSo() throws Exception {
        MachineDrift drift = MachineDrift.of(Optional.empty(), Optional.of(real()), ComparisonSettings.DEFAULTS);
        assertThat(drift.hasCanary()).isFalse();
        assertThat(drift.magnitude()).isZero();
        assertThat(drift.describe()).contains("no machine canary in the baseline");
    }

    @Test
    void aBrokenCanaryFileIsNamed(@TempDir Path run) throws Exception {
        assertThat(CanaryReadings.read(run)).isEmpty();
        Files.writeString(run.resolve("canary.json"), "{\"readings\": [{\"phase\": \"start\", \"cpu\": {\"samples\": "
                + "[1.0, -2]}, \"wakeup\": {\"samples\": [3.0]}}]}");
        assertThatThrownBy(() -> CanaryReadings.read(run)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("canary.json").hasMessageContaining("cpu sample '-2'");
        Files.writeString(run.resolve("canary.json"), "{\"readings\": [");
        assertThatThrownBy(() -> CanaryReadings.read(run)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("canary.json");
    }
}
