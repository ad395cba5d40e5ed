package io.execbench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** /proc figures of a process: a real capture (a JVM of 2,000 parked platform threads) with exact numbers. */
class ProcFootprintTest {

    private static final Path CAPTURE = Path.of("src/test/resources/proc/jvm-2000-platform");

    @Test
    void readsRssAndPssFromSmapsRollupThreadsFromStatusAndCountsMappings() {
        ProcFootprint footprint = ProcFootprint.of(CAPTURE);

        assertThat(footprint.rssBytes()).isEqualTo(120_720L * 1024);
        assertThat(footprint.pssBytes()).isEqualTo(107_918L * 1024);
        assertThat(footprint.threads()).isEqualTo(2021);
        assertThat(footprint.mappings()).isEqualTo(4193); // about 2 per thread: its stack and its guard page
    }

    @Test
    void sumsSeveralProcesses() {
        ProcFootprint one = ProcFootprint.of(CAPTURE);

        assertThat(one.plus(one)).isEqualTo(new ProcFootprint(2 * one.rssBytes(), 2 * one.pssBytes(),
                2 * one.threads(), 2 * one.mappings()));
    }

    @Test
    void aMissingFieldIsAnErrorNotZero() {
        assertThatThrownBy(() -> ProcFootprint.kilobytesOrCount("Rss: 12 kB\n", "Pss:"))
                .hasMessageContaining("Pss:");
        assertThat(ProcFootprint.kilobytesOrCount("Pss_Anon: 1 kB\nPss:   7 kB\n", "Pss:")).isEqualTo(7);
    }

    @Test
    void readsThisProcess() {
        ProcFootprint self = ProcFootprint.of(ProcessHandle.current().pid());

        assertThat(self.rssBytes()).isPositive().isGreaterThanOrEqualTo(self.pssBytes());
        assertThat(self.threads()).isPositive();
    }
}
