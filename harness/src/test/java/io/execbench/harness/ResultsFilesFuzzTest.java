package io.execbench.harness;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link FuzzedReader} in one fuzz test: the first byte of the input picks the reader, the rest is its file.
 * This is what mvn verify fuzzes, briefly: Jazzer fuzzes one test per JVM, and a JVM's start (with the parsers'
 * instrumentation) takes longer than the few seconds of fuzzing each reader gets there. The seeds are every reader's
 * committed inputs, each behind its reader's byte; a crashing input found here is a reader's file behind one byte
 * ({@code tail -c +2} gives the file).
 */
class ResultsFilesFuzzTest {

    private static final FuzzedReader[] READERS = FuzzedReader.values();

    @TempDir
    static Path dir;

    static Stream<byte[]> seeds() {
        return Arrays.stream(READERS).flatMap(reader -> reader.seeds().map(seed -> {
            byte[] input = new byte[seed.length + 1];
            input[0] = (byte) reader.ordinal();
            System.arraycopy(seed, 0, input, 1, seed.length);
            return input;
        }));
    }

    @MethodSource("seeds")
    @DictionaryFile(resourcePath = "/io/execbench/harness/json.dict")
    @FuzzTest
    void everyReaderReadsOrRefusesAnyInput(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        FuzzedReader reader = READERS[Byte.toUnsignedInt(input[0]) % READERS.length];
        reader.check(Arrays.copyOfRange(input, 1, input.length), dir);
    }
}
