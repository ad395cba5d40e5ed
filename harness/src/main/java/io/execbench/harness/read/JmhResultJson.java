package io.execbench.harness.read;

import io.execbench.harness.read.Metric.HistogramBin;
import io.execbench.harness.read.Metric.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One jmh.json element exactly as Jackson binds it: every field optional, so that a missing one can be reported by
 * name instead of by a binding stack trace. {@link #toResult} validates it into a {@link BenchmarkResult}.
 */
record JmhResultJson(String jmhVersion, String benchmark, String mode, Integer threads, Integer forks, String jvm,
                     List<String> jvmArgs, String jdkVersion, String vmName, String vmVersion,
                     Map<String, String> params, MetricJson primaryMetric, Map<String, MetricJson> secondaryMetrics) {

    /** Parameters that the analysis reads as counts (threads, sizes), so a whole number there must fit an int. */
    private static final Set<String> COUNT_PARAMS = Set.of("threads", "workUnits", "payloadBytes", "poolSize", "size");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    /** The largest count a double holds exactly. */
    private static final double MAX_BIN_COUNT = 0x1p53;

    /** A metric as bound; {@code "NaN"} strings bind to {@link Double#NaN}. */
    record MetricJson(Double score, Double scoreError, double[] scoreConfidence, Map<String, Double> scorePercentiles,
                      String scoreUnit, double[][] rawData, double[][][][] rawDataHistogram) {
    }

    static BenchmarkResult toResult(Path file, int index, JmhResultJson json) throws RunReadException {
        String where = "benchmark " + index;
        if (json.benchmark == null || json.benchmark.isBlank()) {
            throw new RunReadException(file, where + " has no benchmark name");
        }
        if (json.mode == null || json.mode.isBlank()) {
            throw new RunReadException(file, where + " (" + json.benchmark + ") has no mode");
        }
        if (json.primaryMetric == null) {
            throw new RunReadException(file, where + " has no primaryMetric (" + json.benchmark + ")");
        }
        String named = where + " (" + json.benchmark + ")";
        Metric primary = toMetric(file, named + " primaryMetric", json.primaryMetric);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, MetricJson> entry : orEmpty(json.secondaryMetrics).entrySet()) {
            String name = entry.getKey();
            secondary.put(name, toMetric(file, named + " secondaryMetrics." + name, entry.getValue()));
        }
        return new BenchmarkResult(index, json.benchmark, json.mode, atLeastZero(file, named, "threads", json.threads),
                atLeastZero(file, named, "forks", json.forks), orUnknown(json.jvm),
                noNulls(file, named + " jvmArgs", json.jvmArgs), orUnknown(json.jdkVersion), orUnknown(json.vmName),
                orUnknown(json.vmVersion), orUnknown(json.jmhVersion), params(file, named, json.params), primary,
                secondary);
    }

    private static Metric toMetric(Path file, String where, MetricJson json) throws RunReadException {
        if (json == null) {
            throw new RunReadException(file, where + " is null");
        }
        if (json.score == null) {
            throw new RunReadException(file, where + " has no score");
        }
        if (json.scoreUnit == null) {
            throw new RunReadException(file, where + " has no scoreUnit");
        }
        // JMH writes "NaN" where it has no value (the error of one iteration); Infinity it never writes.
        notInfinite(file, where + " score", json.score);
        double error = json.scoreError == null ? Double.NaN : json.scoreError;
        notInfinite(file, where + " scoreError", error);
        if (error < 0) {
            throw new RunReadException(file, where + " scoreError " + error + " is negative");
        }
        Interval confidence = new Interval(Double.NaN, Double.NaN);
        if (json.scoreConfidence != null) {
            if (json.scoreConfidence.length != 2) {
                throw new RunReadException(file, where + " scoreConfidence has "
                        + json.scoreConfidence.length + " values, expected 2");
            }
            notInfinite(file, where + " scoreConfidence", json.scoreConfidence[0]);
            notInfinite(file, where + " scoreConfidence", json.scoreConfidence[1]);
            confidence = new Interval(json.scoreConfidence[0], json.scoreConfidence[1]);
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : orEmpty(json.scorePercentiles).entrySet()) {
            if (entry.getValue() == null) {
                throw new RunReadException(file, where + " scorePercentiles." + entry.getKey() + " is null");
            }
            notInfinite(file, where + " scorePercentiles." + entry.getKey(), entry.getValue());
            percentiles.put(entry.getKey(), entry.getValue());
        }
        return new Metric(json.score, error, confidence, json.scoreUnit, percentiles,
                rawData(file, where, json.rawData), histograms(file, where, json.rawDataHistogram));
    }

    private static List<List<Double>> rawData(Path file, String where, double[][] forks) throws RunReadException {
        List<List<Double>> out = new ArrayList<>();
        for (double[] iterations : forks == null ? new double[0][] : forks) {
            if (iterations == null) {
                throw new RunReadException(file, where + " rawData holds null instead of a fork's iterations");
            }
            List<Double> values = new ArrayList<>(iterations.length);
            for (double value : iterations) {
                if (!Double.isFinite(value)) {
                    throw new RunReadException(file, where + " rawData holds " + value + ", not a finite number");
                }
                values.add(value);
            }
            out.add(values);
        }
        return out;
    }

    /** JMH writes each SampleTime iteration as an array of {@code [value, count]} pairs. */
    private static List<List<List<HistogramBin>>> histograms(Path file, String where, double[][][][] forks)
            throws RunReadException {
        List<List<List<HistogramBin>>> out = new ArrayList<>();
        for (double[][][] iterations : forks == null ? new double[0][][][] : forks) {
            requireArray(file, where, iterations);
            List<List<HistogramBin>> perIteration = new ArrayList<>();
            for (double[][] pairs : iterations) {
                requireArray(file, where, pairs);
                List<HistogramBin> bins = new ArrayList<>(pairs.length);
                for (double[] pair : pairs) {
                    bins.add(bin(file, where, pair));
                }
                perIteration.add(bins);
            }
            out.add(perIteration);
        }
        return out;
    }

    private static HistogramBin bin(Path file, String where, double[] pair) throws RunReadException {
        if (pair == null || pair.length != 2) {
            throw new RunReadException(file, where + " rawDataHistogram holds an entry of "
                    + (pair == null ? "null" : pair.length + " numbers") + ", expected [value, count]");
        }
        double count = pair[1];
        if (!Double.isFinite(pair[0]) || !(count >= 0) || count > MAX_BIN_COUNT || count != Math.rint(count)) {
            throw new RunReadException(file, where + " rawDataHistogram holds [" + pair[0] + ", " + count
                    + "]; expected a finite value and a whole count from 0 to 2^53");
        }
        return new HistogramBin(pair[0], (long) count);
    }

    private static void requireArray(Path file, String where, Object array) throws RunReadException {
        if (array == null) {
            throw new RunReadException(file, where + " rawDataHistogram holds null instead of an array");
        }
    }

    private static void notInfinite(Path file, String what, double value) throws RunReadException {
        if (Double.isInfinite(value)) {
            throw new RunReadException(file, what + " is " + value + ", not a finite number");
        }
    }

    private static int atLeastZero(Path file, String where, String field, Integer value) throws RunReadException {
        if (value != null && value < 0) {
            throw new RunReadException(file, where + " " + field + " " + value + " is negative");
        }
        return value == null ? 0 : value;
    }

    private static List<String> noNulls(Path file, String where, List<String> values) throws RunReadException {
        if (values == null) {
            return List.of();
        }
        if (values.contains(null)) {
            throw new RunReadException(file, where + " holds null instead of a string");
        }
        return List.copyOf(values);
    }

    /**
     * The {@code @Param} values, each a string. The parameters the analysis reads as counts ({@link
     * #COUNT_PARAMS}) must, when written as a whole number, be one from 0 to {@link Integer#MAX_VALUE}.
     */
    private static Map<String, String> params(Path file, String where, Map<String, String> params)
            throws RunReadException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : orEmpty(params).entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (value == null) {
                throw new RunReadException(file, where + " params." + name + " is null");
            }
            if (COUNT_PARAMS.contains(name) && WHOLE_NUMBER.matcher(value.strip()).matches()
                    && !fitsInt(value.strip())) {
                throw new RunReadException(file, where + " params." + name + " = " + value
                        + " is out of range (0 to " + Integer.MAX_VALUE + ")");
            }
            out.put(name, value);
        }
        return out;
    }

    private static boolean fitsInt(String digits) {
        try {
            return Integer.parseInt(digits) >= 0;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orUnknown(String value) {
        return value == null ? RunInfo.UNKNOWN : value;
    }
}
