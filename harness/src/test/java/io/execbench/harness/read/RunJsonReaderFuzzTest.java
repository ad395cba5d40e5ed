package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as {@code run.json}: {@link RunJsonReader#read} keeps {@link ReaderContract}. Seeds
 * ({@code RunJsonReaderFuzzTestInputs/readsOrRefusesAnyRunJson}) are real run.json fixtures, compacted: a complete
 * run, a failed run with its failures, and a run with topology and scaling-plan notes.
 */
class RunJsonReaderFuzzTest {

    @TempDir
    static Path dir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyRunJson(byte[] input) throws Exception {
        FuzzedReader.RUN_JSON.check(input, dir);
    }
}
