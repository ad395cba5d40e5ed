package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a run folder's {@code run.json}, read for its topology: {@link MachineFacts#read} keeps
 * {@link ReaderContract}. It parses run.json on its own, apart from {@link RunJsonReader}, so it is fuzzed apart;
 * the seeds are the same three run.json fixtures.
 */
class MachineFactsFuzzTest {

    @TempDir
    static Path runDir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyRunJson(byte[] input) throws Exception {
        FuzzedReader.MACHINE_FACTS.check(input, runDir);
    }
}
