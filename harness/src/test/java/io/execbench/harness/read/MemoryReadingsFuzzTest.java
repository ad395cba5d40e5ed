package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a run folder's {@code memory/*.json}: {@link MemoryReadings#readAll} keeps {@link ReaderContract}. The
 * seed is the real smoke run's platform sweep with 2 of its 4 steps and a stop.
 */
class MemoryReadingsFuzzTest {

    @TempDir
    static Path runDir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyMemoryJson(byte[] input) throws Exception {
        FuzzedReader.MEMORY_JSON.check(input, runDir);
    }
}
