package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any histogram in a well-formed {@code .hlog} line: {@link LatencyLogReader#read} keeps {@link ReaderContract}. The
 * input is the histogram's uncompressed encoding (see {@link FuzzedReader#HLOG_HISTOGRAM}), which byte mutations of
 * the file cannot reach through deflate and base64. Seeds are the three intervals of the real
 * {@code report/scaling-latency} log, uncompressed.
 */
class LatencyLogHistogramFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest
    void readsOrRefusesAnyIntervalHistogram(byte[] encoding) throws Exception {
        FuzzedReader.HLOG_HISTOGRAM.check(encoding, dir);
    }
}
