package io.execbench.harness.compare;

import io.execbench.harness.stats.Direction;
import java.util.List;

/**
 * One benchmark's history over comparable runs, oldest first, with the change points found in it.
 *
 * @param key       the benchmark
 * @param unit      the newest run's unit; older scores are converted to it
 * @param direction which way is better
 * @param points    one per run that has a result for it
 * @param shifts    change points, oldest first
 */
public record Series(BenchmarkKey key, String unit, Direction direction, List<TrendPoint> points, List<Shift> shifts) {

    public Series {
        points = List.copyOf(points);
        shifts = List.copyOf(shifts);
    }
}
