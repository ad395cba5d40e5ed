package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a server configuration's sweep or as {@code server/ab.json}: {@link ServerLogReader} keeps
 * {@link ReaderContract}. The seeds are two configurations of the synthetic {@code report/server} fixture cut to a few
 * steps (one with an event loop's lag, one without), its ab.json, and an unavailable ab.
 */
class ServerLogReaderFuzzTest {

    @TempDir
    static Path dir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyServerJson(byte[] input) throws Exception {
        FuzzedReader.SERVER_JSON.check(input, dir);
    }

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyAbJson(byte[] input) throws Exception {
        FuzzedReader.SERVER_AB_JSON.check(input, dir);
    }
}
