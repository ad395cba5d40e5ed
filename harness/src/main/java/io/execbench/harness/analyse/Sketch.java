package io.execbench.harness.analyse;

import io.execbench.harness.stats.Estimate;
import java.util.List;

/**
 * The numbers behind an answer's small chart: a few lines of points, each with its interval. The analysis picks
 * which numbers back its answer; the chart package decides how to draw them.
 *
 * @param xLabel    the horizontal quantity, with its unit
 * @param yLabel    the vertical quantity, with its unit; never negative (times, rates, speedups)
 * @param lines     one per model, transport or sweep
 * @param reference a horizontal reference value (1 for a speedup), or NaN for none
 * @param xPercent  the horizontal quantity is a percentage of a whole, 0 to 100 (the share of heavy requests)
 */
public record Sketch(String xLabel, String yLabel, List<Line> lines, double reference, boolean xPercent) {

    public Sketch {
        lines = List.copyOf(lines);
    }

    /** A sketch whose horizontal quantity is not a percentage (a size, a count). */
    public Sketch(String xLabel, String yLabel, List<Line> lines, double reference) {
        this(xLabel, yLabel, lines, reference, false);
    }

    /** One legend entry. */
    public record Line(String name, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /** A point: x and the estimate drawn at it. */
    public record Point(double x, Estimate y) {
    }
}
