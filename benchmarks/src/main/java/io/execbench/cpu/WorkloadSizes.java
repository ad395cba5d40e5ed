package io.execbench.cpu;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.workload.UserWorkload;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code auto} parameters of the user-workload suites ({@link WorkloadOffloadBenchmark},
 * {@link WorkloadLatencyBenchmark}): {@code workload}, the class name (so results of two workloads never mix in
 * tracking), and {@code workUnits}, the sizes the runner calibrated ({@value #SIZES_PROPERTY}, ascending). Without a
 * workload the suites plan nothing.
 */
abstract class WorkloadSizes implements AutoParams {

    /** The calibrated sizes, comma-separated, ascending; set by the runner after checking the workload. */
    static final String SIZES_PROPERTY = "execbench.workload.sizes";
    private static final String NONE = "none";

    @Override
    public List<String> values(String param, Profile profile) {
        return switch (param) {
            case "workload" -> List.of(UserWorkload.configured().map(UserWorkload::className).orElse(NONE));
            // Under plain JMH, pass -p workUnits=N; "1" keeps a run without any workload plannable.
            case "workUnits" -> sizes().isEmpty() ? List.of("1") : sizes();
            default -> throw new IllegalArgumentException("no automatic values for @Param " + param);
        };
    }

    /** Plans nothing unless a workload was checked and calibrated. */
    static boolean active() {
        return System.getProperty(UserWorkload.CLASS_PROPERTY) != null && !sizes().isEmpty();
    }

    static List<String> sizes() {
        String sizes = System.getProperty(SIZES_PROPERTY, "");
        return Arrays.stream(sizes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
