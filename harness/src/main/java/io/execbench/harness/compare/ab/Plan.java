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
    }
}
