package io.execbench.harness.write;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as {@code results/noise.json}: {@link NoiseJson#read} keeps {@link ReaderContract}. The seed is the
 * real {@code nightly/noise-from-5-aa-runs.json} fixture cut to 3 floors, one given every metric the format knows
 * (the legacy {@code score/canary} among them).
 */
class NoiseJsonFuzzTest {

    @TempDir
    static Path dir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyNoiseJson(byte[] input) throws Exception {
        FuzzedReader.NOISE_JSON.check(input, dir);
    }
}
