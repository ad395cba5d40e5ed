package io.execbench.harness.compare;

import io.execbench.harness.read.RunInfo;
import io.execbench.harness.read.RunListing;
import io.execbench.harness.read.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which earlier run a run is compared with, and whether two runs may be compared at all. Two runs are comparable
 * when both describe their machine (run.json), and they share the machine fingerprint (CPU model, logical CPUs, OS,
 * JDK feature version), the profile and the JDK major version. Nothing is compared across machines silently.
 * The automatic baseline also ran the same {@code -Dbench.include} selection, so that a narrowed run is compared
 * with an earlier run of the same benchmarks rather than reporting every other benchmark as missing.
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * The latest run before {@code currentId} (by id, hence by start time) that is complete and comparable with
     * {@code current}; unreadable, partial and failed runs are skipped.
     */
    public static Optional<RunListing> latestComparable(String currentId, RunInfo current, List<RunListing> runs) {
        return candidates(currentId, current, runs).stream().findFirst();
    }

    /**
     * Every run that {@link #latestComparable} could choose, newest first, so that a caller can fall back to the
     * next when the newest turns out unreadable in full.
     */
    public static List<RunListing> candidates(String currentId, RunInfo current, List<RunListing> runs) {
        return runs.stream()
                .filter(run -> run.folder().id().compareTo(currentId) < 0)
                .filter(RunListing::readable)
                .filter(run -> run.info().status() == RunStatus.COMPLETE)
                .filter(run -> incomparability(run.info(), current).isEmpty())
                .filter(run -> run.info().include().equals(current.include()))
                .sorted(Comparator.comparing((RunListing run) -> run.folder().id()).reversed())
                .toList();
    }

    /** Why {@code baseline} and {@code current} cannot be compared, or empty when they can. */
    public static Optional<String> incomparability(RunInfo baseline, RunInfo current) {
        List<String> reasons = new ArrayList<>();
        if (baseline.synthesized() || current.synthesized()) {
            reasons.add("no run.json on " + (baseline.synthesized() ? "the baseline" : "this run")
                    + ": its machine is unknown");
        } else {
            differs(reasons, "machine fingerprint", baseline.machineFingerprint(), current.machineFingerprint());
            differs(reasons, "profile", baseline.profile().name(), current.profile().name());
            // The same profile name with another budget (forks, iterations, times) measures differently.
            differs(reasons, "profile budget", budget(baseline.profile()), budget(current.profile()));
            differs(reasons, "JDK major version", jdkMajor(baseline.jvm().version()), jdkMajor(current.jvm().version()));
        }
        if (baseline.status() == RunStatus.PARTIAL) {
            reasons.add("the baseline did not finish (partial)");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static String budget(RunInfo.Profile profile) {
        return profile.forks() + " forks, " + profile.warmupIterations() + " x " + profile.warmupTimeMs()
                + " ms warm-up, " + profile.measurementIterations() + " x " + profile.measurementTimeMs() + " ms";
    }

    /** The JDK's major version from a version string: {@code 25.0.3 -> 25}, {@code 1.8.0_392 -> 8}. */
    static String jdkMajor(String version) {
        String[] parts = version.split("[.+_-]");
        if (parts.length > 1 && parts[0].equals("1")) {
            return parts[1];
        }
        return parts[0];
    }

    private static void differs(List<String> reasons, String what, String baseline, String current) {
        if (!baseline.equals(current)) {
            reasons.add(what + " differs (baseline " + baseline + ", this run " + current + ")");
        }
    }
}
