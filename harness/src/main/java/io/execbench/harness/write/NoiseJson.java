package io.execbench.harness.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.compare.CanaryRelative;
import io.execbench.harness.compare.NoiseCalibration;
import io.execbench.harness.compare.NoiseModel;
import io.execbench.harness.read.InputFiles;
import io.execbench.harness.read.RunReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads and writes {@code results/noise.json}, the noise model {@code calibrate} learns:
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "machineFingerprint": "b663e4", "profile": "quick",
 *   "runs": ["2026-11-26T14-00-00Z_ab12cd3_b663e4", ...],
 *   "floors": { "io.execbench.workload.KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)":
 *               { "score": 0.121, "score/canary.cpu": 0.021, "score/canary.fp": 0.083 } }
 * }
 * }</pre>
 * A floor is a fraction: 0.021 means two runs of one build stay within 2.1% of each other 99 times in 100 (see
 * {@link NoiseCalibration}). Metrics: {@code score}, {@code score/canary.cpu} and {@code score/canary.fp} (the score
 * relative to each canary read beside every iteration; files written before the FP canary call the first
 * {@code score/canary}, read as {@code score/canary.cpu}), and for SampleTime {@code p50}, {@code p99}, {@code p99.9}.
 */
public final class NoiseJson {

    /** The file's usual name, in the results folder. */
    public static final String FILE_NAME = "noise.json";

    /** What {@code score/canary.cpu} was called before there was more than one canary. */
    private static final String LEGACY_CANARY_METRIC = "score/canary";

    /**
     * The largest floor read. Real calibrations of wildly unsteady runs reach 24 (2,400%); a thousandfold is far
     * beyond anything measured, and only there to refuse the absurd (1e308) along with the infinite.
     */
    static final double MAX_FLOOR = 1000.0;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NoiseJson() {
    }

    /** Writes {@code model} to {@code file} atomically. */
    public static void write(NoiseModel model, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", 1);
        root.put("machineFingerprint", model.machineFingerprint());
        root.put("profile", model.profile());
        model.runs().forEach(root.putArray("runs")::add);
        ObjectNode floors = root.putObject("floors");
        model.floors().forEach((key, metrics) -> {
            ObjectNode node = floors.putObject(key);
            metrics.forEach(node::put);
        });
        AtomicFiles.write(file, MAPPER.writeValueAsString(root) + "\n");
    }

    /**
     * The noise model in {@code file} when there is one, for a verdict that must not stop over it: a results folder's
     * own noise.json came with the results (a history branch, an artifact). Missing means none; damaged means none and
     * one sentence naming the file to {@code warning}.
     */
    public static NoiseModel readIfPresent(Path file, Consumer<String> warning) {
        if (!InputFiles.present(file)) {
            return NoiseModel.NONE;
        }
        try {
            return read(file);
        } catch (RunReadException e) {
            warning.accept(e.getMessage());
            return NoiseModel.NONE;
        }
    }

    /** Reads {@code file}; problems name the file. */
    public static NoiseModel read(Path file) throws RunReadException {
        JsonNode root;
        try (InputStream in = InputFiles.open(file, InputFiles.NOISE_JSON_MAX_BYTES)) {
            root = MAPPER.readTree(in);
        } catch (RunReadException e) {
            throw e;
        } catch (IOException e) {
            throw new RunReadException(file, "cannot read the noise model (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("floors").isObject()) {
            throw new RunReadException(file, "not a noise model: expected an object with 'floors'");
        }
        if (root.path("formatVersion").asInt(0) != 1) {
            throw new RunReadException(file, "formatVersion " + root.path("formatVersion") + " is not supported (1)");
        }
        List<String> runs = new ArrayList<>();
        root.path("runs").forEach(run -> runs.add(run.asText()));
        Map<String, Map<String, Double>> floors = new TreeMap<>();
        for (Map.Entry<String, JsonNode> benchmark : root.path("floors").properties()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> metric : benchmark.getValue().properties()) {
                double floor = metric.getValue().doubleValue();
                // An infinite or huge floor would silently turn every regression into "unchanged".
                if (!metric.getValue().isNumber() || !(floor >= 0) || floor > MAX_FLOOR) {
                    throw new RunReadException(file, benchmark.getKey() + " " + metric.getKey() + ": a floor must be"
                            + " a number from 0 to " + (int) MAX_FLOOR + ", not "
                            + metric.getValue());
                }
                metrics.put(LEGACY_CANARY_METRIC.equals(metric.getKey()) ? CanaryRelative.metric("canary.cpu")
                        : metric.getKey(), metric.getValue().doubleValue());
            }
            floors.put(benchmark.getKey(), metrics);
        }
        return new NoiseModel(root.path("machineFingerprint").asText(""), root.path("profile").asText(""), runs,
                floors);
    }
}
