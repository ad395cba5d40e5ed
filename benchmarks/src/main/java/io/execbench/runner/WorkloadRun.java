package io.execbench.runner;

import io.execbench.cpu.WorkloadOffloadBenchmark;
import io.execbench.workload.Calibration;
import io.execbench.workload.UserWorkload;
import io.execbench.workload.WorkloadException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;

/**
 * The user's workload in one run of the runner: checked and calibrated before the plan ({@link WorkloadCheck}),
 * then announced to this JVM, so that the workload suites plan its sizes and every fork and worker loads it; or the
 * one sentence saying why it cannot run, recorded as the run's failure {@link #CHECK} while everything else runs.
 */
final class WorkloadRun {

    /** The failure entry of a workload that did not pass its check. */
    static final PlannedBenchmark CHECK = new PlannedBenchmark("io.execbench.cpu.WorkloadOffloadBenchmark.check",
            Mode.SingleShotTime, new LinkedHashMap<>());
    private static final String SIZES_PROPERTY = "execbench.workload.sizes"; // read by cpu.WorkloadSizes

    private final Calibration calibration;
    private final List<Calibration.Size> sizes;
    private final String failure;

    private WorkloadRun(Calibration calibration, List<Calibration.Size> sizes, String failure) {
        this.calibration = calibration;
        this.sizes = sizes;
        this.failure = failure;
    }

    /**
     * Checks and calibrates {@code className} from {@code path}, when one is given, and prints what came of it.
     *
     * @param pinnedSizes comma-separated sizes to measure instead of the calibrated ones, or blank
     */
    static WorkloadRun prepare(String className, String path, String pinnedSizes, Profile profile,
                               PrintStream out) {
        forget();
        if ((className == null || className.isBlank()) && (path == null || path.isBlank())) {
            return new WorkloadRun(null, List.of(), null);
        }
        try {
            UserWorkload workload = UserWorkload.of(className, path);
            out.println("execbench: checking workload " + workload.className() + " from " + workload.path());
            Calibration calibration = new WorkloadCheck().check(workload);
            List<Calibration.Size> sizes = pinnedSizes == null || pinnedSizes.isBlank()
                    ? calibration.sizesFor(targets(profile)) : pinned(workload, pinnedSizes, calibration);
            if (sizes.isEmpty()) {
                throw new WorkloadException("workload " + workload.className() + " reaches none of the task times "
                        + "1 us to 10 ms between size 1 and maxSize(): raise maxSize() or make a call of size 1 "
                        + "take less than 2 ms");
            }
            workload.configureThisJvm();
            System.setProperty(SIZES_PROPERTY, sizes.stream().map(s -> String.valueOf(s.size()))
                    .collect(Collectors.joining(",")));
            out.println("execbench: workload " + workload.className() + " sizes: " + sizes.stream()
                    .map(s -> s.size() + " (~" + time(s.estimatedNs()) + ")").collect(Collectors.joining(", ")));
            return new WorkloadRun(calibration, sizes, null);
        } catch (WorkloadException e) {
            out.println("execbench: " + e.getMessage());
            return new WorkloadRun(null, List.of(), e.getMessage());
        }
    }

    /** {@code --workload-sizes}: each a whole number from 1, ascending, with the time the calibration expects. */
    private static List<Calibration.Size> pinned(UserWorkload workload, String text, Calibration calibration) {
        List<Calibration.Size> sizes = new ArrayList<>();
        for (String item : text.split(",")) {
            int size;
            try {
                size = Integer.parseInt(item.strip());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1 || (!sizes.isEmpty() && size <= sizes.getLast().size())) {
                throw new WorkloadException("workload " + workload.className() + ": --workload-sizes '" + text
                        + "' must be whole numbers from 1, ascending, separated by commas");
            }
            long nanos = Math.round(calibration.timeAt(size));
            sizes.add(new Calibration.Size(size, nanos, nanos));
        }
        return List.copyOf(sizes);
    }

    /** The task times a profile calibrates to: fewer in smoke, one in the tests' profile. */
    static List<Long> targets(Profile profile) {
        return switch (profile) {
            case TEST -> List.of(10_000L);
            case SMOKE -> List.of(1_000L, 100_000L, 10_000_000L);
            case QUICK, FULL -> Calibration.TARGETS_NS;
        };
    }

    /** Undoes {@link #prepare}'s announcement in this JVM. */
    static void forget() {
        System.clearProperty(UserWorkload.CLASS_PROPERTY);
        System.clearProperty(UserWorkload.PATH_PROPERTY);
        System.clearProperty(SIZES_PROPERTY);
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * For run.json's {@code workload.userWorkload}: the class, its size unit, the calibrated sizes, the measured
     * timings they came from, and the tasks per batch (the report's time per call).
     */
    Optional<Map<String, Object>> describe() {
        if (calibration == null) {
            return Optional.empty();
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("className", calibration.className());
        described.put("sizeUnit", calibration.sizeUnit());
        described.put("sizes", sizes);
        described.put("tasksPerBatch", WorkloadOffloadBenchmark.tasksPerBatch());
        described.put("timings", calibration.timings());
        return Optional.of(described);
    }

    private static String time(long nanos) {
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }
}
