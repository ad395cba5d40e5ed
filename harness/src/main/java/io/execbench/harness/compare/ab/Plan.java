package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.BenchmarkKey;
import java.util.List;

/**
 * What an A/B comparison measures: the candidate's benchmarks for a profile and include pattern, as its runner plans
 * them ({@code BenchMain --list-plan}: one JSON object per line, the budget first), each run as one JMH fork per
 * build per round.
 *
 * @param profile    the profile's name
 * @param budget     the JMH budget of one fork
 * @param benchmarks one per method, mode and {@code @Param} combination, with {@code auto} params resolved
 */
public record Plan(String profile, Budget budget, List<BenchmarkKey> benchmarks) {

    public Plan {
        benchmarks = List.copyOf(benchmarks);
    }

    /** One fork's JMH budget, from the profile. */
    public record Budget(int warmupIterations, int warmupTimeMs, int measurementIterations, int measurementTimeMs) {

        /**
         * The budget of a fork of a benchmark that runs threads or processes of its own ({@link AbMode}): twice the
         * warm-up iterations (at least 2) and twice the measurement iterations, of the same lengths. Measured on the
         * 2-vCPU machine (docs/measurements/2026-12-02-ab.md, "Longer forks for multi-threaded benchmarks"): at
         * quick's 1 x 200 ms warm-up the first measured iteration of a multi-threaded ScalingBenchmark fork was 11%
         * below its fork's mean, and for the alu and fp kernels the spread of iterations within a fork accounted for
         * the whole spread of the pairs, so more iterations per fork buy a narrower interval more cheaply than more
         * rounds, each of which pays two JVM starts (there: 6 of 6 fp benchmarks decided in 8 rounds, intervals 1.3
         * to 7.7% wide, against 8 to 15 rounds and 7.6 to 11.0% with the profile's forks).
         */
        public Budget multiThreaded() {
            return new Budget(Math.max(2, 2 * warmupIterations), warmupTimeMs, 2 * measurementIterations,
                    measurementTimeMs);
        }

        /** Milliseconds of iterations, warm-up and measurement. */
        long iterationMs() {
            return (long) warmupIterations * warmupTimeMs + (long) measurementIterations * measurementTimeMs;
        }

        /** {@code 2 x 200 ms warm-up, 6 x 200 ms}. */
        public String describe() {
            return warmupIterations + " x " + warmupTimeMs + " ms warm-up, " + measurementIterations + " x "
                    + measurementTimeMs + " ms";
        }
    }
}
