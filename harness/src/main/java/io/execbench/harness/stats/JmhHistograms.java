package io.execbench.harness.stats;

import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Metric.HistogramBin;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Converts JMH SampleTime data into HdrHistograms in nanoseconds.
 *
 * <p>JMH writes a SampleTime metric's samples as {@code rawDataHistogram}: per fork, per measurement iteration, an
 * array of {@code [value, count]} bins, values in the score unit (e.g. {@code us/op}). Each bin is recorded as
 * {@code count} samples of {@code round(value * nanosPerUnit)} ns, into a histogram with
 * {@value LatencyLog#SIGNIFICANT_DIGITS} significant digits (auto-resizing, so no highest value must be guessed): every
 * percentile read back is within 0.1% of the bin's value, which is finer than JMH's own sample resolution.
 */
public final class JmhHistograms {

    private JmhHistograms() {
    }

    /** True when {@code metric} holds SampleTime bins in a time unit, i.e. it can be converted. */
    public static boolean convertible(Metric metric) {
        return !metric.rawDataHistogram().isEmpty() && Units.nanosPer(metric.scoreUnit()).isPresent();
    }

    /** One histogram per fork, each holding every measurement iteration of that fork. */
    public static List<Histogram> perFork(Metric metric) {
        double nanosPerUnit = nanosPerUnit(metric);
        List<Histogram> forks = new ArrayList<>(metric.rawDataHistogram().size());
        for (List<List<HistogramBin>> iterations : metric.rawDataHistogram()) {
            Histogram fork = LatencyLog.newHistogram();
            for (List<HistogramBin> bins : iterations) {
                record(fork, bins, nanosPerUnit);
            }
            forks.add(fork);
        }
        return forks;
    }

    /** One histogram per measurement iteration, forks in order, iterations in order within each. */
    public static List<Histogram> perIteration(Metric metric) {
        return perForkIterations(metric).stream().flatMap(List::stream).toList();
    }

    /** Per fork, one histogram per measurement iteration that holds samples. */
    public static List<List<Histogram>> perForkIterations(Metric metric) {
        double nanosPerUnit = nanosPerUnit(metric);
        List<List<Histogram>> forks = new ArrayList<>();
        for (List<List<HistogramBin>> fork : metric.rawDataHistogram()) {
            List<Histogram> iterations = new ArrayList<>();
            for (List<HistogramBin> bins : fork) {
                Histogram iteration = LatencyLog.newHistogram();
                record(iteration, bins, nanosPerUnit);
                if (iteration.getTotalCount() > 0) {
                    iterations.add(iteration);
                }
            }
            forks.add(iterations);
        }
        return forks;
    }

    /** Every sample of every fork in one histogram. */
    public static Histogram merged(Metric metric) {
        Histogram merged = LatencyLog.newHistogram();
        perFork(metric).forEach(merged::add);
        return merged;
    }

    private static void record(Histogram histogram, List<HistogramBin> bins, double nanosPerUnit) {
        for (HistogramBin bin : bins) {
            if (bin.count() <= 0 || !(bin.value() >= 0)) {
                continue; // JMH never writes these; a hand-edited file might, and they carry no sample
            }
            histogram.recordValueWithCount(Math.round(bin.value() * nanosPerUnit), bin.count());
        }
    }

    private static double nanosPerUnit(Metric metric) {
        return Units.nanosPer(metric.scoreUnit()).orElseThrow(() -> new IllegalArgumentException(
                "SampleTime unit " + metric.scoreUnit() + " is not a time per operation"));
    }
}
