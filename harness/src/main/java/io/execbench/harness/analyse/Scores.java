package io.execbench.harness.analyse;

import io.execbench.harness.read.Metric;
import io.execbench.harness.stats.Estimate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small readings of JMH metrics shared by the experiment analyses. */
final class Scores {


    private Scores() {
    }

    /** The score with JMH's interval, in {@code scale} times the metric's unit. */
    static Estimate estimate(Metric metric, double scale) {
        double value = metric.score() * scale;
        double half = metric.scoreError() * scale;
        return Double.isFinite(half) ? new Estimate(value, value - half, value + half, Metric.SCORE_ERROR_CONFIDENCE)
                : new Estimate(value, Double.NaN, Double.NaN, Metric.SCORE_ERROR_CONFIDENCE);
    }

    /** Iterations behind a throughput or average-time score, over all forks. */
    static int iterations(Metric metric) {
        return metric.rawData().stream().mapToInt(List::size).sum();
    }

    /** A parameter value as a positive number, or null when it is missing or not one. */
    static Long positiveLong(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            return value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The parameters without {@code names}, in name order. */
    static Map<String, String> without(Map<String, String> params, String... names) {
        Map<String, String> rest = new TreeMap<>(params);
        for (String name : names) {
            rest.remove(name);
        }
        return rest;
    }

}
