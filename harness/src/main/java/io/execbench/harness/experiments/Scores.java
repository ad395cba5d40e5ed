package io.execbench.harness.experiments;

import io.execbench.harness.read.Metric;
import io.execbench.harness.scaling.Estimate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small readings of JMH metrics shared by the experiment analyses. */
final class Scores {

    /** JMH's score error is the half-width of a 99.9% interval. */
    static final double JMH_CONFIDENCE = 0.999;

    private Scores() {
    }

    /** The score with JMH's interval, in {@code scale} times the metric's unit. */
    static Estimate estimate(Metric metric, double scale) {
        double value = metric.score() * scale;
        double half = metric.scoreError() * scale;
        return Double.isFinite(half) ? new Estimate(value, value - half, value + half, JMH_CONFIDENCE)
                : new Estimate(value, Double.NaN, Double.NaN, JMH_CONFIDENCE);
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

    /**
     * The ratio {@code a / b} of two independent estimates, its interval propagated on the log scale (delta method):
     * {@code h = sqrt((ea/a)^2 + (eb/b)^2)} from the half-widths, interval {@code [r e^-h, r e^h]}. No interval when
     * either has none or reaches zero.
     */
    static Estimate ratio(Estimate a, Estimate b) {
        double r = a.value() / b.value();
        if (!a.hasInterval() || !b.hasInterval() || a.low() <= 0 || b.low() <= 0) {
            return new Estimate(r, Double.NaN, Double.NaN, a.confidence());
        }
        double ra = (a.high() - a.low()) / 2 / a.value();
        double rb = (b.high() - b.low()) / 2 / b.value();
        double h = Math.sqrt(ra * ra + rb * rb);
        if (!Double.isFinite(h)) { // an unbounded end: the ratio is bounded by nothing either
            return new Estimate(r, 0, Double.POSITIVE_INFINITY, a.confidence());
        }
        return new Estimate(r, r * Math.exp(-h), r * Math.exp(h), a.confidence());
    }
}
