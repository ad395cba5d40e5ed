package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code canary.json} (results contract): the runner's machine canary, read at the start and at the end of
 * the run, every repetition of every probe kept. Runs from before the canary existed have no file.
 *
 * @param probes per probe name ({@code cpu}, {@code wakeup}), in file order: its unit and the repetitions of every
 *               reading pooled
 * @param phases the phases read, in order ({@code start}, {@code end}; a run stopped early has only {@code start})
 */
public record CanaryReadings(Map<String, Probe> probes, List<String> phases) {

    public static final String FILE_NAME = "canary.json";

    /** One probe's unit and all its repetitions. */
    public record Probe(String unit, double[] samples) {
    }

    public CanaryReadings {
        probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
        phases = List.copyOf(phases);
    }

    /**
     * Reads {@code runDir/canary.json}; empty when the run has none.
     *
     * @throws RunReadException naming the file when it is not valid JSON or not the contract's shape
     */
    public static Optional<CanaryReadings> read(Path runDir) throws RunReadException {
        Path file = runDir.resolve(FILE_NAME);
        if (!InputFiles.present(file)) {
            return Optional.empty();
        }
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        JsonNode readings = root == null ? null : root.get("readings");
        if (readings == null || !readings.isArray()) {
            throw new RunReadException(file, "no \"readings\" array");
        }
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            JsonNode reading = readings.get(i);
            phases.add(reading.path("phase").asText("unknown"));
            for (String probe : List.of("cpu", "wakeup")) {
                JsonNode node = reading.path(probe);
                JsonNode values = node.path("samples");
                if (!values.isArray() || values.isEmpty()) {
                    throw new RunReadException(file, "reading " + (i + 1) + " has no " + probe + " samples");
                }
                for (JsonNode value : values) {
                    if (!value.isNumber() || !(value.asDouble() > 0) || !Double.isFinite(value.asDouble())) {
                        throw new RunReadException(file, "reading " + (i + 1) + ": " + probe + " sample '" + value
                                + "' is not a positive number");
                    }
                    samples.computeIfAbsent(probe, p -> new ArrayList<>()).add(value.asDouble());
                }
                units.putIfAbsent(probe, node.path("unit").asText("unknown"));
            }
        }
        Map<String, Probe> probes = new LinkedHashMap<>();
        samples.forEach((name, values) -> probes.put(name, new Probe(units.get(name),
                values.stream().mapToDouble(Double::doubleValue).toArray())));
        return Optional.of(new CanaryReadings(probes, phases));
    }
}
