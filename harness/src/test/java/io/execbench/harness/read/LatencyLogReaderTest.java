package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.ReportResources;
import io.execbench.harness.analyse.LatencyGroup;
import io.execbench.harness.analyse.LatencyGrouping;
import io.execbench.harness.analyse.LatencySummary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tagged interval log ({@code report/latency/handoff.hlog}: 4 intervals each of inline, fixedPool and
 * virtual hand-offs, ns), read and merged per tag; expected values from HdrHistogram's own reader and pinned.
 */
class LatencyLogReaderTest {

    @Test
    void mergesIntervalsPerTagExactlyAsHdrHistogramDoes() throws Exception {
        Path file = ReportResources.path("latency/handoff.hlog");
        LatencyLog log = LatencyLogReader.read(file);

        assertThat(log.name()).isEqualTo("handoff");
        assertThat(log.series()).extracting(LatencyLog.Tagged::tag).containsExactly("inline", "fixedPool", "virtual");
        assertThat(log.series()).extracting(LatencyLog.Tagged::intervals).containsExactly(4, 4, 4);
        Map<String, Histogram> expected = mergedByTag(file);
        for (LatencyLog.Tagged tagged : log.series()) {
            Histogram want = expected.get(tagged.tag());
            for (double p : new double[] {50, 90, 99, 99.9}) {
                assertThat(tagged.histogram().getValueAtPercentile(p)).as("%s p%s", tagged.tag(), p)
                        .isEqualTo(want.getValueAtPercentile(p));
            }
            assertThat(tagged.histogram().getTotalCount()).isEqualTo(want.getTotalCount());
            assertThat(tagged.histogram().getMaxValue()).isEqualTo(want.getMaxValue());
        }
        assertThat(LatencySummary.of(log.series().get(1).histogram()))
                .isEqualTo(new LatencySummary(4455, 6087, 11999, 44223, 8179711, 166556));
    }

    @Test
    void filesOfOneGroupAreOneLogWithAHistogramPerFile(@TempDir Path run) throws Exception {
        Path latency = Files.createDirectories(run.resolve("latency"));
        Path fixture = ReportResources.path("latency/handoff.hlog");
        Files.copy(fixture, latency.resolve("handoff@t0001-200.hlog"));
        Files.copy(fixture, latency.resolve("handoff@t0001-100.hlog"));
        Files.copy(fixture, latency.resolve("alone.hlog"));

        List<LatencyLog> logs = LatencyLogReader.readAll(run);

        assertThat(logs).extracting(LatencyLog::name).containsExactly("alone", "handoff");
        LatencyLog alone = logs.get(0);
        assertThat(alone.series()).allSatisfy(t -> assertThat(t.files()).containsExactly(t.histogram()));
        LatencyLog grouped = logs.get(1);
        assertThat(grouped.series()).extracting(LatencyLog.Tagged::tag).containsExactly("inline", "fixedPool",
                "virtual");
        assertThat(grouped.series()).extracting(LatencyLog.Tagged::intervals).containsExactly(8, 8, 8);
        Map<String, Histogram> one = mergedByTag(fixture);
        for (LatencyLog.Tagged tagged : grouped.series()) {
            assertThat(tagged.files()).hasSize(2).allSatisfy(h -> assertThat(h).isEqualTo(one.get(tagged.tag())));
            assertThat(tagged.histogram().getTotalCount()).isEqualTo(2 * one.get(tagged.tag()).getTotalCount());
        }
        // In the report each file becomes a fork row under its tag.
        List<LatencyGroup> groups = LatencyGrouping.of(List.of(), logs);
        assertThat(groups.get(0).source()).isEqualTo("latency/alone.hlog");
        assertThat(groups.get(1).source()).isEqualTo("latency/handoff@*.hlog (2 files)");
        assertThat(groups.get(1).series()).allSatisfy(s -> assertThat(s.forks()).hasSize(2));
        assertThat(groups.get(0).series()).allSatisfy(s -> assertThat(s.forks()).isEmpty());
    }

    @Test
    void aRunWithoutALatencyFolderHasNoLogs(@TempDir Path run) throws Exception {
        assertThat(LatencyLogReader.readAll(run)).isEmpty();
    }

    @Test
    void aCorruptLineIsReportedWithTheFile(@TempDir Path run) throws Exception {
        Path latency = Files.createDirectories(run.resolve("latency"));
        List<String> lines = Files.readAllLines(ReportResources.path("latency/handoff.hlog"));
        String broken = lines.stream().filter(l -> l.startsWith("Tag=")).findFirst().orElseThrow();
        Files.writeString(latency.resolve("bad.hlog"), broken.substring(0, broken.length() - 40) + "!!!\n");
        assertThatThrownBy(() -> LatencyLogReader.readAll(run))
                .isInstanceOf(RunReadException.class)
                .hasMessageContaining("bad.hlog").hasMessageContaining("interval 1");
    }

    private static Map<String, Histogram> mergedByTag(Path file) throws Exception {
        Map<String, Histogram> merged = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                Histogram histogram = (Histogram) h;
                merged.computeIfAbsent(histogram.getTag(), t -> new Histogram(3)).add(histogram);
            }
        }
        return merged;
    }
}
