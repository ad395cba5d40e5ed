package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a run folder's {@code canary.json}: {@link CanaryReadings#read} keeps {@link ReaderContract}. The
 * seed is the real {@code canary/canary.json} fixture with 4 samples kept per probe and reading.
 */
class CanaryReadingsFuzzTest {

    @TempDir
    static Path runDir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyCanaryJson(byte[] input) throws Exception {
        FuzzedReader.CANARY_JSON.check(input, runDir);
    }
}
