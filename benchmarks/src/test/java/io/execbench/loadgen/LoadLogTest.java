package io.execbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadLogTest {

    @Test
    void writesOneTaggedLinePerRoutePerIntervalThatHdrHistogramReadsBack(@TempDir Path dir) throws Exception {
        LoadResult result;
        try (TestHttpServer server = TestHttpServer.start()) {
            result = LoadGenerator.run(LoadSpec.openLoop(server.port(), 400, 1_500).withConnections(4)
                    .withHeavyShare(0.25));
        }
        Path file = LoadLog.write(result, dir.resolve("latency/server-test-mix25@400.hlog"));

        Map<String, Long> countByTag = new HashMap<>();
        int lines = 0;
        HistogramLogReader reader = reader(file);
        Histogram interval;
        while ((interval = (Histogram) reader.nextIntervalHistogram()) != null) {
            countByTag.merge(interval.getTag(), interval.getTotalCount(), Long::sum);
            lines++;
        }
        reader.close();
        assertThat(lines).isEqualTo(2 * result.intervals().size());
        assertThat(countByTag).containsOnlyKeys("cheap", "heavy");
        assertThat(countByTag.get("cheap")).isEqualTo(result.route("cheap").getTotalCount());
        assertThat(countByTag.get("heavy")).isEqualTo(result.route("heavy").getTotalCount());
        assertThat(countByTag.get("cheap") + countByTag.get("heavy")).isEqualTo(600);
        assertThat(dir.resolve("latency").toFile().list()).containsExactly("server-test-mix25@400.hlog");
    }

    private static HistogramLogReader reader(Path file) throws FileNotFoundException {
        return new HistogramLogReader(file.toFile());
    }
}
