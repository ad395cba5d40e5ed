package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as an A/B comparison's {@code ab.json}: {@link AbSummary#read} keeps {@link ReaderContract}. The seeds are
 * the real {@code fixtures/ab} A/A comparison (interleaved) and the duet one with 2 of its 8 pairs kept per benchmark.
 */
class AbSummaryFuzzTest {

    @TempDir
    static Path runDir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyAbJson(byte[] input) throws Exception {
        FuzzedReader.AB_COMPARISON_JSON.check(input, runDir);
    }
}
