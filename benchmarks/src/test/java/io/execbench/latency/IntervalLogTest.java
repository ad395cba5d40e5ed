package io.execbench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogTest {

    @Test
    void withoutALatencyFolderNothingIsRecorded() {
        assertThat(IntervalLog.at(null, "scaling-alu-os", "t0001")).isEmpty();
        assertThat(IntervalLog.at(" ", "scaling-alu-os", "t0001")).isEmpty();
    }

    @Test
    void writesTaggedNanosecondIntervalsThatHdrHistogramReadsBack(@TempDir Path run) throws Exception {
        Path dir = run.resolve("latency"); // created on write
        IntervalLog log = IntervalLog.at(dir.toString(), "scaling-fp-spread", "t0002").orElseThrow();
        Histogram first = new Histogram(3);
        first.recordValue(51_000);
        first.recordValue(53_000);
        Histogram second = new Histogram(3);
        second.recordValue(4_000_000);
        log.add("threads=2", first, System.currentTimeMillis());
        log.add("threads=2", second, System.currentTimeMillis());
        Path written = log.write().orElseThrow();

        assertThat(written.getParent()).isEqualTo(dir);
        assertThat(written.getFileName().toString())
                .isEqualTo("scaling-fp-spread@t0002-" + ProcessHandle.current().pid() + ".hlog");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(written); // no temporary file left
        }
        try (InputStream in = Files.newInputStream(written)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            Histogram a = (Histogram) reader.nextIntervalHistogram();
            Histogram b = (Histogram) reader.nextIntervalHistogram();
            assertThat(reader.nextIntervalHistogram()).isNull();
            assertThat(List.of(a.getTag(), b.getTag())).containsOnly("threads=2");
            assertThat(a.getTotalCount()).isEqualTo(2);
            assertThat(a.getValueAtPercentile(50)).isEqualTo(a.highestEquivalentValue(51_000));
            assertThat(b.getMaxValue()).isEqualTo(b.highestEquivalentValue(4_000_000));
        }
    }

    @Test
    void aLogWithoutIntervalsWritesNoFile(@TempDir Path run) {
        IntervalLog log = IntervalLog.at(run.toString(), "g", "p").orElseThrow();
        assertThat(log.write()).isEmpty();
        assertThat(run.toFile().list()).isEmpty();
    }

    @Test
    void refusesTagsTheLogFormatCannotCarry(@TempDir Path run) {
        IntervalLog log = IntervalLog.at(run.toString(), "g", "p").orElseThrow();
        assertThatThrownBy(() -> log.add("2 threads", new Histogram(3), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2 threads'");
        assertThat(log.intervals()).isZero();
    }

    @Test
    void refusesNamesThatWouldLeaveTheFolder(@TempDir Path run) {
        assertThatThrownBy(() -> IntervalLog.at(run.toString(), "../escape", "t1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape");
    }

    @Test
    void anUnwritableFolderIsNamedInTheError(@TempDir Path run) throws Exception {
        Path blocker = Files.writeString(run.resolve("latency"), "a file where the folder should be");
        IntervalLog log = IntervalLog.at(blocker.toString(), "g", "p").orElseThrow();
        log.add("x", new Histogram(3), 0);
        assertThatThrownBy(log::write).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(blocker.toString()).hasMessageContaining("cannot write the latency log");
    }
}
