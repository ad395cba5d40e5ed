package io.execbench.workload;

import io.execbench.api.Workload;

/**
 * A user's {@link Workload} as a {@link Kernel}, so that every execution model runs it exactly as it runs the
 * built-in kernels: {@code workUnits} is the workload's size. Created per trial (and once per worker JVM), which
 * runs the workload's set-up; {@link #close()} runs its tear-down.
 */
public final class WorkloadKernel implements Kernel, AutoCloseable {

    /** The kernel name of a user's workload, in {@link Kernels#NAMES} and the benchmarks' results. */
    public static final String NAME = "workload";

    private final UserWorkload source;
    private final Workload workload;

    private WorkloadKernel(UserWorkload source, Workload workload) {
        this.source = source;
        this.workload = workload;
    }

    /** The workload this JVM was told to run ({@link UserWorkload#configured()}), set up. */
    public static WorkloadKernel configured() {
        UserWorkload source = UserWorkload.configured().orElseThrow(() -> new WorkloadException("kernel '" + NAME
                + "' needs a workload: pass -Dbench.workload=<class> -Dbench.workloadPath=<jar or folder> (or, "
                + "under plain JMH, -jvmArgsAppend -D" + UserWorkload.CLASS_PROPERTY + "=... -D"
                + UserWorkload.PATH_PROPERTY + "=...)"));
        return open(source);
    }

    /** Loads, creates and sets up {@code source}. */
    public static WorkloadKernel open(UserWorkload source) {
        Workload workload = source.instantiate();
        try {
            workload.setUp();
        } catch (Exception | LinkageError e) {
            throw new WorkloadException("workload " + source.className() + ": setUp() threw "
                    + UserWorkload.describe(e) + ": fix setUp() so that it completes");
        }
        return new WorkloadKernel(source, workload);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(long seed, int workUnits) {
        return workload.run(seed, workUnits);
    }

    public Workload workload() {
        return workload;
    }

    public UserWorkload source() {
        return source;
    }

    /** Runs the workload's tear-down; a failure there is reported, since the measurements are already done. */
    @Override
    public void close() {
        try {
            workload.tearDown();
        } catch (Exception e) {
            System.err.println("execbench: workload " + source.className() + ": tearDown() threw "
                    + UserWorkload.describe(e));
        }
    }
}
