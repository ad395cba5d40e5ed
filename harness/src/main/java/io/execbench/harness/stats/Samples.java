package io.execbench.harness.stats;

import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Metric.HistogramBin;
import io.execbench.harness.stats.Stats;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The per-iteration scores of one benchmark, kept per fork (JMH's {@code rawData}), in one unit. For SampleTime,
 * where JMH keeps histograms instead, an iteration's score is the mean of its histogram, which is what JMH's own
 * score averages.
 *
 * @param forks per fork, per measurement iteration, the iteration's score
 */
public record Samples(List<double[]> forks) {

    public Samples {
        forks = forks.stream().map(double[]::clone).toList();
    }

    /** The samples of {@code metric}, multiplied by {@code unitFactor} (see {@link Units#factor}). */
    public static Samples of(Metric metric, double unitFactor) {
        List<double[]> forks = new ArrayList<>();
        if (!metric.rawData().isEmpty()) {
            for (List<Double> fork : metric.rawData()) {
                forks.add(fork.stream().mapToDouble(v -> v * unitFactor).filter(Double::isFinite).toArray());
            }
        } else {
            for (List<List<HistogramBin>> fork : metric.rawDataHistogram()) {
                forks.add(fork.stream().mapToDouble(iteration -> mean(iteration) * unitFactor)
                        .filter(Double::isFinite).toArray());
            }
        }
        forks.removeIf(fork -> fork.length == 0);
        return new Samples(forks);
    }

    /**
     * These scores relative to the machine canary read beside each iteration ({@code canary}, a secondary metric in
     * a time per step, e.g. {@code canary.cpu} in ns/step): a time per operation divided by the canary's, a rate
     * multiplied by it, so that both become "how much work per canary step" and a machine that ran every step 10%
     * slower leaves them unchanged. Empty when the canary's per-iteration values do not line up one for one with
     * these scores (another fork or iteration count, or an iteration dropped as not finite).
     */
    public Optional<Samples> relativeTo(Metric canary, Direction direction) {
        List<List<Double>> steps = canary.rawData();
        if (steps.size() != forks.size()) {
            return Optional.empty();
        }
        List<double[]> relative = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            double[] scores = forks.get(f);
            List<Double> canaryOfFork = steps.get(f);
            if (canaryOfFork.size() != scores.length) {
                return Optional.empty();
            }
            double[] values = new double[scores.length];
            for (int i = 0; i < scores.length; i++) {
                double step = canaryOfFork.get(i);
                if (!(step > 0) || !Double.isFinite(step)) {
                    return Optional.empty();
                }
                values[i] = direction == Direction.LOWER_IS_BETTER ? scores[i] / step : scores[i] * step;
            }
            relative.add(values);
        }
        return Optional.of(new Samples(relative));
    }

    /** Every iteration of every fork, in one array. */
    public double[] pooled() {
        return forks.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** How many iterations there are over all forks. */
    public int count() {
        return forks.stream().mapToInt(fork -> fork.length).sum();
    }

    /** The median of all iterations; NaN when there is none. */
    public double median() {
        return Stats.median(pooled());
    }

    /**
     * How far apart this run's own forks are: {@code max / min - 1} of the per-fork medians, 0 with one fork. Forks
     * of one run are an A/A experiment inside the run (same build, same machine, same hour), so a difference between
     * two runs smaller than this is not evidence of anything.
     */
    public double forkSpread() {
        if (forks.size() < 2) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] fork : forks) {
            double median = Stats.median(fork);
            min = Math.min(min, median);
            max = Math.max(max, median);
        }
        return min > 0 ? max / min - 1 : 0;
    }

    private static double mean(List<HistogramBin> bins) {
        double sum = 0;
        long count = 0;
        for (HistogramBin bin : bins) {
            sum += bin.value() * bin.count();
            count += bin.count();
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
