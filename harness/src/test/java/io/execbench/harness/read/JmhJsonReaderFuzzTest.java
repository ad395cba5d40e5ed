package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as {@code jmh.json}: {@link JmhJsonReader#read} and {@link JmhJsonReader#count} keep
 * {@link ReaderContract}. Seeds ({@code JmhJsonReaderFuzzTestInputs/readsOrRefusesAnyJmhJson}) are real fixture
 * files made small: an avgt partial run with NaN errors, a failed run, a thrpt result with params and canary
 * secondary metrics, a SampleTime result with its histogram cut to 2 forks x 2 iterations x 3 bins, and a
 * two-thread scaling result.
 */
class JmhJsonReaderFuzzTest {

    @TempDir
    static Path dir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyJmhJson(byte[] input) throws Exception {
        FuzzedReader.JMH_JSON.check(input, dir);
    }
}
