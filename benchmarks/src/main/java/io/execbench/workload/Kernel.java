package io.execbench.workload;

/**
 * A deterministic CPU-bound unit of work, shared by every suite so that every execution model, transport and
 * thread count does the very same work.
 *
 * <p>Contract: {@code run(seed, workUnits)} performs {@code workUnits} dependent steps starting from {@code seed}
 * and returns a checksum that depends on every step. The same arguments always give the same checksum, on any
 * JVM and any thread, so a caller can verify (outside its timed region) that the work was really done.
 */
public interface Kernel {

    /** The name used in {@code @Param("kernel")} values, results and reports. */
    String name();

    /**
     * Runs {@code workUnits} steps from {@code seed}.
     *
     * @return a checksum of every step; equal for equal arguments
     */
    long run(long seed, int workUnits);
}
