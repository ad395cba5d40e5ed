package io.execbench.harness;

import io.execbench.harness.read.AbSummary;
import io.execbench.harness.read.CanaryReadings;
import io.execbench.harness.read.FloorReadings;
import io.execbench.harness.read.JmhJsonReader;
import io.execbench.harness.read.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.MemoryReadings;
import io.execbench.harness.read.RunJsonReader;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.ServerLogReader;
import io.execbench.harness.read.ServerReadings;
import io.execbench.harness.read.WarmupRecords;
import io.execbench.harness.write.NoiseJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The readers of results files under fuzzing, each with the fuzz test that owns its seeds: how fuzz input becomes the
 * file it reads, in a run folder {@code dir}. A {@code *FuzzTest} class fuzzes one of them;
 * {@link ResultsFilesFuzzTest} all of them at once.
 */
public enum FuzzedReader {

    JMH_JSON("read/JmhJsonReaderFuzzTestInputs/readsOrRefusesAnyJmhJson", (input, dir) -> {
        Path file = dir.resolve(RunReader.JMH_JSON);
        ReaderContract.check(input, file, file, JmhJsonReader::read);
        ReaderContract.check(input, file, file, JmhJsonReader::count);
    }),
    RUN_JSON("read/RunJsonReaderFuzzTestInputs/readsOrRefusesAnyRunJson", (input, dir) -> {
        Path file = dir.resolve(RunReader.RUN_JSON);
        ReaderContract.check(input, file, file, RunJsonReader::read);
    }),
    /** run.json again, as {@link MachineFacts} parses it on its own for the topology. */
    MACHINE_FACTS("read/MachineFactsFuzzTestInputs/readsOrRefusesAnyRunJson",
            (input, dir) -> ReaderContract.check(input, dir.resolve(RunReader.RUN_JSON), dir, MachineFacts::read)),
    CANARY_JSON("read/CanaryReadingsFuzzTestInputs/readsOrRefusesAnyCanaryJson",
            (input, dir) -> ReaderContract.check(input, dir.resolve(CanaryReadings.FILE_NAME), dir,
                    CanaryReadings::read)),
    NOISE_JSON("write/NoiseJsonFuzzTestInputs/readsOrRefusesAnyNoiseJson", (input, dir) -> {
        Path file = dir.resolve(NoiseJson.FILE_NAME);
        ReaderContract.check(input, file, file, NoiseJson::read);
    }),
    HLOG("read/LatencyLogReaderFuzzTestInputs/readsOrRefusesAnyHlog", (input, dir) -> {
        Path file = dir.resolve("fuzz.hlog");
        ReaderContract.check(input, file, file, LatencyLogReader::read);
    }),
    /**
     * An {@code .hlog} whose one interval holds the input as its histogram. The histogram's header (significant
     * digits, lowest and highest trackable value) and counts sit deflated and in base64 in the line, where byte
     * mutations of the file ({@link #HLOG}) cannot reach them; here the input is the histogram's uncompressed
     * encoding, deflated and wrapped as HdrHistogram does.
     */
    HLOG_HISTOGRAM("read/LatencyLogHistogramFuzzTestInputs/readsOrRefusesAnyIntervalHistogram", (input, dir) -> {
        Path file = dir.resolve("fuzz.hlog");
        ReaderContract.check(hlogWithHistogram(input), file, file, LatencyLogReader::read);
    }),
    FLOOR_JSON("read/FloorReadingsFuzzTestInputs/readsOrRefusesAnyFloorJson",
            (input, dir) -> ReaderContract.check(input, dir.resolve(FloorReadings.FILE_NAME), dir,
                    FloorReadings::read)),
    WARMUP_RECORD("read/WarmupRecordsFuzzTestInputs/readsOrRefusesAnyWarmupRecord", (input, dir) -> {
        Files.createDirectories(dir.resolve(WarmupRecords.DIR));
        ReaderContract.check(input, dir.resolve(WarmupRecords.DIR).resolve("1-1.json"), dir, WarmupRecords::read);
    }),
    /** A memory sweep, last so that the readers before it keep their byte in {@link ResultsFilesFuzzTest}. */
    MEMORY_JSON("read/MemoryReadingsFuzzTestInputs/readsOrRefusesAnyMemoryJson", (input, dir) -> {
        Files.createDirectories(dir.resolve(MemoryReadings.DIR));
        ReaderContract.check(input, dir.resolve(MemoryReadings.DIR).resolve("platform-1.json"), dir,
                MemoryReadings::readAll);
    }),
    /** One server configuration's sweep, {@code server/eventLoop.json} (its label must be its name). */
    SERVER_JSON("read/ServerLogReaderFuzzTestInputs/readsOrRefusesAnyServerJson", (input, dir) -> {
        Path file = dir.resolve("eventLoop.json");
        ReaderContract.check(input, file, file, ServerLogReader::readRun);
    }),
    SERVER_AB_JSON("read/ServerLogReaderFuzzTestInputs/readsOrRefusesAnyAbJson", (input, dir) -> {
        Path file = dir.resolve(ServerReadings.AB_JSON);
        ReaderContract.check(input, file, file, ServerLogReader::readAb);
    }),
    /** An A/B comparison's {@code ab.json}, as the index reads it (not the server's {@code server/ab.json}). */
    AB_COMPARISON_JSON("read/AbSummaryFuzzTestInputs/readsOrRefusesAnyAbJson", (input, dir) -> {
        Path file = dir.resolve(AbSummary.FILE_NAME);
        ReaderContract.check(input, file, file, AbSummary::read);
    });

    /** HdrHistogram's V2 compressed-encoding cookie, which every interval starts with ("HISTF" in base64). */
    private static final int COMPRESSED_COOKIE = 0x1c849314;

    private static final String HLOG_HEADER = """
            #[Histogram log format version 1.3]
            #[StartTime: 1795711754.237 (seconds since epoch), Thu Nov 26 16:49:14 UTC 2026]
            "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
            """;

    /** Turns fuzz input into the reader's file in {@code dir} and checks {@link ReaderContract} on it. */
    @FunctionalInterface
    interface Check {
        void check(byte[] input, Path dir) throws IOException, InterruptedException;
    }

    private final String seedsResource;
    private final Check check;

    FuzzedReader(String seedsResource, Check check) {
        this.seedsResource = seedsResource;
        this.check = check;
    }

    /** Checks {@link ReaderContract} for {@code input}, written as this reader's file in the run folder {@code dir}. */
    public void check(byte[] input, Path dir) throws IOException, InterruptedException {
        check.check(input, dir);
    }

    /** The committed inputs of this reader's fuzz test (its seeds, and findings once fixed). */
    public Stream<byte[]> seeds() {
        try (Stream<Path> files = Files.list(Path.of(FuzzedReader.class.getResource(seedsResource).toURI()))) {
            return files.sorted().map(FuzzedReader::bytes).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .hlog of one interval: {@code encoding} as {@code Histogram.encodeIntoCompressedByteBuffer} writes it. */
    private static byte[] hlogWithHistogram(byte[] encoding) {
        Deflater deflater = new Deflater();
        deflater.setInput(encoding);
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            deflated.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        byte[] compressed = ByteBuffer.allocate(8 + deflated.size()).putInt(COMPRESSED_COOKIE)
                .putInt(deflated.size()).put(deflated.toByteArray()).array();
        String line = "Tag=fuzz,0.130,0.109,0.137," + Base64.getEncoder().encodeToString(compressed) + "\n";
        return (HLOG_HEADER + line).getBytes(StandardCharsets.US_ASCII);
    }
}
