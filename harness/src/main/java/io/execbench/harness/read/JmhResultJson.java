package io.execbench.harness.read;

import io.execbench.harness.read.Metric.HistogramBin;
import io.execbench.harness.read.Metric.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One jmh.json element exactly as Jackson binds it: every field optional, so that a missing one can be reported by
 * name instead of by a binding stack trace. {@link #toResult} validates it into a {@link BenchmarkResult}.
 */
record JmhResultJson(String jmhVersion, String benchmark, String mode, Integer threads, Integer forks, String jvm,
                     List<String> jvmArgs, String jdkVersion, String vmName, String vmVersion,
                     Map<String, String> params, MetricJson primaryMetric, Map<String, MetricJson> secondaryMetrics) {

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
        Metric primary = toMetric(file, where + " primaryMetric", json.primaryMetric);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, MetricJson> entry : orEmpty(json.secondaryMetrics).entrySet()) {
            String name = entry.getKey();
            secondary.put(name, toMetric(file, where + " secondaryMetrics." + name, entry.getValue()));
        }
        return new BenchmarkResult(index, json.benchmark, json.mode, orZero(json.threads), orZero(json.forks),
                orUnknown(json.jvm), json.jvmArgs == null ? List.of() : json.jvmArgs, orUnknown(json.jdkVersion),
                orUnknown(json.vmName), orUnknown(json.vmVersion), orUnknown(json.jmhVersion),
                orEmpty(json.params), primary, secondary);
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
        double error = json.scoreError == null ? Double.NaN : json.scoreError;
        Interval confidence = new Interval(Double.NaN, Double.NaN);
        if (json.scoreConfidence != null) {
            if (json.scoreConfidence.length != 2) {
                throw new RunReadException(file, where + " scoreConfidence has "
                        + json.scoreConfidence.length + " values, expected 2");
            }
            confidence = new Interval(json.scoreConfidence[0], json.scoreConfidence[1]);
        }
        return new Metric(json.score, error, confidence, json.scoreUnit, orEmpty(json.scorePercentiles),
                rawData(json.rawData), histograms(file, where, json.rawDataHistogram));
    }

    private static List<List<Double>> rawData(double[][] forks) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] iterations : forks == null ? new double[0][] : forks) {
            List<Double> values = new ArrayList<>(iterations.length);
            for (double value : iterations) {
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
            List<List<HistogramBin>> perIteration = new ArrayList<>();
            for (double[][] pairs : iterations) {
                List<HistogramBin> bins = new ArrayList<>(pairs.length);
                for (double[] pair : pairs) {
                    if (pair.length != 2) {
                        throw new RunReadException(file, where + " rawDataHistogram holds an entry of "
                                + pair.length + " numbers, expected [value, count]");
                    }
                    bins.add(new HistogramBin(pair[0], (long) pair[1]));
                }
                perIteration.add(bins);
            }
            out.add(perIteration);
        }
        return out;
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
