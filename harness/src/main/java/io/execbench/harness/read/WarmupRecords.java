package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code warmup/*.json} (results contract): one record per fork of a benchmark whose warm-up is decided from
 * data ({@code io.execbench.warmup.SteadyWarmup}): how long the fork warmed and whether its cost stopped moving
 * before the cap. Runs from before, and suites with JMH's fixed warm-up only, have none. Names and parameter
 * values are untrusted text.
 */
public final class WarmupRecords {

    public static final String DIR = "warmup";
    static final int MAX_FILES = 10_000;

    /** One fork's warm-up. */
    public record Warmup(String benchmark, Map<String, String> params, boolean steady, int batches,
                         double warmedNanos) {
        public Warmup {
            params = Map.copyOf(params);
        }
    }

    private WarmupRecords() {
    }

    /**
     * Every record in {@code runDir/warmup/}, in file name order; empty when there is no such folder.
     *
     * @throws RunReadException naming the folder or file that cannot be read or is not a warm-up record
     */
    public static List<Warmup> read(Path runDir) throws RunReadException {
        List<Path> files = InputFiles.list(runDir.resolve(DIR), ".json", MAX_FILES, "warm-up records");
        List<Warmup> records = new ArrayList<>();
        for (Path file : files) {
            records.add(record(file));
        }
        return records;
    }

    private static Warmup record(Path file) throws RunReadException {
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || !root.isObject() || root.path("schemaVersion").asInt(-1) != 1) {
            throw new RunReadException(file, "not a warm-up record of schemaVersion 1");
        }
        JsonNode benchmark = root.get("benchmark");
        JsonNode steady = root.get("steady");
        JsonNode batches = root.get("batches");
        JsonNode warmed = root.get("warmedNanos");
        if (benchmark == null || !benchmark.isTextual() || steady == null || !steady.isBoolean()
                || batches == null || !batches.isInt() || batches.asInt() < 0
                || warmed == null || !warmed.isNumber() || !Double.isFinite(warmed.asDouble())
                || warmed.asDouble() < 0) {
            throw new RunReadException(file, "needs benchmark (text), steady (true or false), batches (a count) and "
                    + "warmedNanos (a time)");
        }
        JsonNode params = root.path("params");
        if (!params.isObject() && !params.isMissingNode()) {
            throw new RunReadException(file, "params is not an object");
        }
        return new Warmup(benchmark.asText(), JsonFields.texts(params), steady.asBoolean(), batches.asInt(),
                warmed.asDouble());
    }
}
