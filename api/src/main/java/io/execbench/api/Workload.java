package io.execbench.api;

/**
 * Your own CPU-bound task, for execbench to run on one thread, in thread pools, on virtual threads and in worker
 * processes, and to tell you which of them to use from what size on (docs/workload.md).
 *
 * <p>Write a public class with a public no-argument constructor that implements this interface, compile it against
 * this module only, and point the main job at it:
 * <pre>
 * mvn verify -Pbench -Dbench.workload=com.example.MyTask -Dbench.workloadPath=/path/to/my-task.jar
 * </pre>
 *
 * <p>The contract, checked before anything is measured:
 * <ul>
 *   <li>{@link #run} does work that grows with {@code size} and returns a checksum of it: the same
 *       {@code (seed, size)} must give the same checksum on every call, on any thread and in any JVM. execbench
 *       compares every model's checksums with inline ones, outside the timed region, so no model wins by doing less.
 *       Depend on every step in the checksum, or the JIT may drop the work.</li>
 *   <li>{@code run} is called from many threads at once (one instance per benchmark JVM and per worker process):
 *       keep per-call state in local variables, and treat what {@link #setUp} builds as read-only.</li>
 *   <li>{@code run(seed, 1)} answers within seconds; execbench then calibrates {@code size} itself, by doubling it,
 *       to tasks of about 1 us, 10 us, 100 us, 1 ms and 10 ms, never beyond {@link #maxSize()}.</li>
 * </ul>
 */
public interface Workload {

    /**
     * Runs one task.
     *
     * @param seed varies from call to call, so that no call can reuse the previous one's answer; derive your input
     *             from it (or ignore it, if your input is fixed and your work cannot be cached)
     * @param size how much work, between 1 and {@link #maxSize()}: the larger, the longer a call takes
     * @return a checksum that depends on all the work done, equal for equal {@code seed} and {@code size}
     */
    long run(long seed, int size);

    /**
     * Called once per JVM before the first {@link #run}: build buffers or tables here, so that building them is not
     * measured. The default does nothing.
     *
     * @throws Exception to say the workload cannot run here; the message is shown to you
     */
    default void setUp() throws Exception {
    }

    /** Called once per JVM after the last {@link #run} when the JVM ends normally. The default does nothing. */
    default void tearDown() throws Exception {
    }

    /**
     * How {@code size} maps to work, in words for the report, e.g. {@code "bytes hashed"} or {@code "records
     * parsed"}; the report says "size 4096 (bytes hashed)". The default is {@code "size"}.
     */
    default String sizeUnit() {
        return "size";
    }

    /**
     * The largest {@code size} that {@link #run} accepts, e.g. the length of a buffer built in {@link #setUp}.
     * Calibration never goes beyond it, so a target time it cannot reach is left out. The default has no limit.
     */
    default int maxSize() {
        return Integer.MAX_VALUE;
    }
}
