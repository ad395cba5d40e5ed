package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmupRecordsTest {

    @Test
    void readsEveryForksRecord() throws Exception {
        List<WarmupRecords.Warmup> records = WarmupRecords.read(FloorReadingsTest.floorRun());
        assertThat(records).hasSize(4).allSatisfy(record -> {
            assertThat(record.benchmark()).isEqualTo("io.execbench.ipc.IpcRoundTripBenchmark.roundTrip");
            assertThat(record.params()).containsKeys("transport", "payloadBytes", "placement");
            assertThat(record.warmedNanos()).isPositive();
        });
        // Recorded while other builds kept both CPUs busy: no fork settled within the smoke cap of 0.5 s.
        assertThat(records).noneMatch(WarmupRecords.Warmup::steady);
    }

    @Test
    void noFolderNoRecords(@TempDir Path run) throws Exception {
        assertThat(WarmupRecords.read(run)).isEmpty();
    }

    @Test
    void aDamagedRecordIsNamed(@TempDir Path run) throws Exception {
        Path dir = Files.createDirectory(run.resolve(WarmupRecords.DIR));
        Files.writeString(dir.resolve("1-1.json"), """
                {"schemaVersion": 1, "benchmark": "x.Y.z", "steady": "yes", "batches": 3, "warmedNanos": 5}""");
        assertThatThrownBy(() -> WarmupRecords.read(run)).isInstanceOf(RunReadException.class)
                .hasMessageContaining(dir.resolve("1-1.json").toString()).hasMessageContaining("steady (true or false)");
    }
}
