package io.execbench.runner;

import java.time.Duration;
import java.util.Locale;

/**
 * A measurement budget: how many forks, and how many warm-up and measurement iterations of what length, every
 * benchmark gets. The same table is in the README; keep them together.
 *
 * <p>{@code test} exists for the project's own tests: it runs each benchmark for milliseconds, which proves it runs
 * and checksums but measures nothing worth reading.
 */
public enum Profile {
    TEST(1, 0, 0, 3, 10),
    SMOKE(1, 1, 100, 3, 100),
    QUICK(2, 1, 200, 3, 200),
    FULL(3, 2, 600, 5, 600);

    /**
     * What starting a forked JVM and setting up a trial costs, for time estimates only: 1.35 s on average over the
     * quick profile's 131 benchmarks on a 2-core machine (0.5 s for most, 2 s and more where a trial builds the
     * memory kernel's chain or starts worker and peer JVMs).
     */
    static final Duration FORK_OVERHEAD_ESTIMATE = Duration.ofMillis(1350);

    private final int forks;
    private final int warmupIterations;
    private final int warmupTimeMs;
    private final int measurementIterations;
    private final int measurementTimeMs;

    Profile(int forks, int warmupIterations, int warmupTimeMs, int measurementIterations, int measurementTimeMs) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTimeMs = warmupTimeMs;
        this.measurementIterations = measurementIterations;
        this.measurementTimeMs = measurementTimeMs;
    }

    /** Parses {@code smoke}, {@code quick}, {@code full} or {@code test}, case-insensitively. */
    public static Profile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + name + "': expected smoke, quick or full");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public int warmupTimeMs() {
        return warmupTimeMs;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public int measurementTimeMs() {
        return measurementTimeMs;
    }

    /** Expected wall time of one benchmark (one method, one param combination) under this profile. */
    public Duration estimatePerBenchmark() {
        long iterationsMs = (long) warmupIterations * warmupTimeMs + (long) measurementIterations * measurementTimeMs;
        return FORK_OVERHEAD_ESTIMATE.plusMillis(iterationsMs).multipliedBy(forks);
    }

    /** One line for logs: {@code 2 forks x (2 x 500 ms warm-up + 4 x 500 ms measurement)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d fork%s x (%d x %d ms warm-up + %d x %d ms measurement)",
                forks, forks == 1 ? "" : "s", warmupIterations, warmupTimeMs, measurementIterations, measurementTimeMs);
    }
}
