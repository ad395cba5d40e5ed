package io.execbench.harness.compare;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Run;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.EDivisive;
import io.execbench.harness.stats.EDivisive.ChangePoint;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Turns comparable runs (oldest first) into one {@link Series} per benchmark, with its change points. Pure.
 * The value tracked is JMH's score, the number every report shows, with JMH's interval.
 */
public final class History {

    private History() {
    }

    /** The series of every benchmark in {@code runs}, in benchmark name order. */
    public static List<Series> of(List<Run> runs, EDivisive detector) {
        Map<BenchmarkKey, String> units = new TreeMap<>();
        Map<BenchmarkKey, Direction> directions = new TreeMap<>();
        for (Run run : runs) { // the newest run's unit wins
            for (BenchmarkResult result : TrackedResults.of(run)) {
                units.put(BenchmarkKey.of(result), result.primaryMetric().scoreUnit());
                directions.put(BenchmarkKey.of(result), Direction.of(result.mode(), result.primaryMetric().scoreUnit()));
            }
        }
        Map<BenchmarkKey, List<TrendPoint>> points = new LinkedHashMap<>();
        units.keySet().forEach(key -> points.put(key, new ArrayList<>()));
        for (Run run : runs) {
            Map<BenchmarkKey, BenchmarkResult> seen = new LinkedHashMap<>();
            TrackedResults.of(run).forEach(result -> seen.putIfAbsent(BenchmarkKey.of(result), result));
            seen.forEach((key, result) -> point(run.id(), result.primaryMetric(), units.get(key))
                    .ifPresent(points.get(key)::add));
        }
        List<Series> series = new ArrayList<>();
        points.forEach((key, list) -> series.add(new Series(key, units.get(key), directions.get(key), list,
                shifts(list, directions.get(key), detector))));
        return series;
    }

    private static java.util.Optional<TrendPoint> point(String runId, Metric metric, String unit) {
        OptionalDouble factor = Units.factor(metric.scoreUnit(), unit);
        if (factor.isEmpty() || !Double.isFinite(metric.score())) {
            return java.util.Optional.empty();
        }
        double f = factor.getAsDouble();
        return java.util.Optional.of(new TrendPoint(runId, metric.score() * f, metric.scoreConfidence().low() * f,
                metric.scoreConfidence().high() * f));
    }

    static List<Shift> shifts(List<TrendPoint> points, Direction direction, EDivisive detector) {
        double[] scores = points.stream().mapToDouble(TrendPoint::score).toArray();
        List<ChangePoint> changes = detector.detect(scores);
        List<Shift> shifts = new ArrayList<>();
        for (int c = 0; c < changes.size(); c++) {
            int start = c == 0 ? 0 : changes.get(c - 1).index();
            int index = changes.get(c).index();
            int end = c + 1 < changes.size() ? changes.get(c + 1).index() : scores.length;
            double before = median(Arrays.copyOfRange(scores, start, index));
            double after = median(Arrays.copyOfRange(scores, index, end));
            shifts.add(new Shift(index, points.get(index).runId(), before, after,
                    direction.worseness(after / before) > 1, changes.get(c).pValue()));
        }
        return shifts;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
