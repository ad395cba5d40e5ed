package io.execbench.harness.models;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * The smallest task size at which a model's batch beats inline: the smallest measured {@code workUnits} from which
 * on, at that size and every larger one measured, the speedup is above 1 beyond its interval
 * ({@link Speedup#beatsInline}). Requiring every larger size too keeps one lucky small size from being named.
 *
 * @param model          the model
 * @param workUnits      the break-even size, empty when not reached at any measured size
 * @param lastLosingSize the largest measured size below the break-even at which it did not beat inline (the true
 *                       break-even lies between the two), empty if none
 * @param largestTried   the largest size measured
 */
public record BreakEven(String model, OptionalInt workUnits, OptionalInt lastLosingSize, int largestTried) {

    /** A speedup measured at one task size. */
    public record Point(int workUnits, Estimate speedup) {
    }

    public boolean reached() {
        return workUnits.isPresent();
    }

    /** The break-even of {@code model} over its measured points (in any order; at least one). */
    public static BreakEven of(String model, List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException(model + ": no measured task size to find a break-even in");
        }
        List<Point> bySize = points.stream().sorted(Comparator.comparingInt(Point::workUnits)).toList();
        int largest = bySize.getLast().workUnits();
        int first = bySize.size();
        while (first > 0 && Speedup.beatsInline(bySize.get(first - 1).speedup())) {
            first--;
        }
        if (first == bySize.size()) {
            return new BreakEven(model, OptionalInt.empty(), OptionalInt.empty(), largest);
        }
        OptionalInt losing = first == 0 ? OptionalInt.empty() : OptionalInt.of(bySize.get(first - 1).workUnits());
        return new BreakEven(model, OptionalInt.of(bySize.get(first).workUnits()), losing, largest);
    }
}
