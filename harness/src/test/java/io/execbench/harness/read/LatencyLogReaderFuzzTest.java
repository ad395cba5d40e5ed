package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a {@code latency/*.hlog} interval log: {@link LatencyLogReader#read} keeps {@link ReaderContract}.
 * Seeds are real logs: one tag ({@code report/scaling-latency}, 1 interval) and three tags (the header of
 * {@code report/latency/handoff.hlog} with its first interval of each tag).
 */
class LatencyLogReaderFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest
    void readsOrRefusesAnyHlog(byte[] input) throws Exception {
        FuzzedReader.HLOG.check(input, dir);
    }
}
