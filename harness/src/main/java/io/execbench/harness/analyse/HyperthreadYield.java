package io.execbench.harness.analyse;

import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Speedup;
import java.util.List;
import java.util.Optional;

/**
 * What a second hardware thread is worth: the gain of two threads pinned to SMT siblings of one core,
 * {@code S_packed(2) - 1}, set against the gain of two threads on two cores, {@code S_spread(2) - 1}. A second core
 * gives about 1.0; published figures for a sibling run from 0 to 0.3.
 *
 * @param siblingsGain S(2) - 1 with both threads on one core (placement packed)
 * @param coresGain    S(2) - 1 with the threads on two cores (placement spread)
 */
public record HyperthreadYield(Estimate siblingsGain, Estimate coresGain) {

    /** The siblings' gain as a fraction of a second core's gain (point estimate only). */
    public double fractionOfACore() {
        return siblingsGain.value() / coresGain.value();
    }

    /**
     * The yield from the speedups of a packed and a spread sweep of the same kernel; empty unless both measured
     * threads=2 (no SMT, no pinning, or a sweep that skipped 2).
     */
    public static Optional<HyperthreadYield> of(List<Speedup.Point> packed, List<Speedup.Point> spread) {
        Optional<Speedup.Point> siblings = Speedup.at(packed, 2);
        Optional<Speedup.Point> cores = Speedup.at(spread, 2);
        if (siblings.isEmpty() || cores.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HyperthreadYield(siblings.get().speedup().plus(-1), cores.get().speedup().plus(-1)));
    }
}
