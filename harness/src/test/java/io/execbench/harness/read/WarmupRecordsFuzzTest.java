package io.execbench.harness.read;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.execbench.harness.FuzzedReader;
import io.execbench.harness.ReaderContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a run folder's warm-up record ({@code warmup/*.json}): {@link WarmupRecords#read} keeps
 * {@link ReaderContract}. The seed is one of the real {@code floor/} fixture's warm-up records with 4 of its batches.
 */
class WarmupRecordsFuzzTest {

    @TempDir
    static Path runDir;

    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void readsOrRefusesAnyWarmupRecord(byte[] input) throws Exception {
        FuzzedReader.WARMUP_RECORD.check(input, runDir);
    }
}
