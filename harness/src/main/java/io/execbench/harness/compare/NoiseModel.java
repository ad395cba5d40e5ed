package io.execbench.harness.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each benchmark's noise floor, learnt by {@code calibrate} from runs of one build (A/A): the largest relative
 * difference seen between any two of them, per metric. It applies only to runs of the machine fingerprint and
 * profile it was learnt on; elsewhere the comparison falls back to the minimum effect alone.
 *
 * @param machineFingerprint the fingerprint of the calibration runs
 * @param profile            their profile name
 * @param runs               their ids
 * @param floors             benchmark ({@link BenchmarkKey#fullLabel()}) to metric ({@code score}, {@code p99}, ...)
 *                           to floor, a fraction (0.04 = runs of one build differed by up to 4%)
 */
public record NoiseModel(String machineFingerprint, String profile, List<String> runs,
                         Map<String, Map<String, Double>> floors) {

    /** No calibration: every threshold is the minimum effect. */
    public static final NoiseModel NONE = new NoiseModel("", "", List.of(), Map.of());

    public NoiseModel {
        runs = List.copyOf(runs);
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        floors.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        floors = Collections.unmodifiableMap(copy);
    }

    /** Whether this model was learnt on runs like one of {@code fingerprint} and {@code profileName}. */
    public boolean appliesTo(String fingerprint, String profileName) {
        return !runs.isEmpty() && machineFingerprint.equals(fingerprint) && profile.equals(profileName);
    }

    /** The noise floor of {@code metric} of {@code key}, or 0 when it was not calibrated. */
    public double floor(BenchmarkKey key, String metric) {
        return floors.getOrDefault(key.fullLabel(), Map.of()).getOrDefault(metric, 0.0);
    }
}
