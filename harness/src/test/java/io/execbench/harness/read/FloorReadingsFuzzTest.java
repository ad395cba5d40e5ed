package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a run folder's {@code floor.json}: {@link FloorReadings#read} keeps {@link ReaderContract}. The
 * seeds are the real {@code floor/} fixture's floor.json with 2 of its 12 points, and a run without a compiler.
 */
class FloorReadingsFuzzTest {

    @TempDir
    static Path runDir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyFloorJson(byte[] input) throws Exception {
        FuzzedReader.FLOOR_JSON.check(input, runDir);
    }
}
