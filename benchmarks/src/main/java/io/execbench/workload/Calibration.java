package io.execbench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * What the check of a user's workload measured (one call's time at sizes 1, 2, 4, ...) and the sizes chosen from it
 * for a list of target task times.
 *
 * @param className the workload's class
 * @param sizeUnit  its {@code sizeUnit()}: what a size counts, in words
 * @param timings   one call's mean time per measured size, sizes ascending
 */
public record Calibration(String className, String sizeUnit, List<Timing> timings) {

    /** The task times the sizes aim at: 1 us, 10 us, 100 us, 1 ms, 10 ms. */
    public static final List<Long> TARGETS_NS = List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);

    /** One measured size: the mean time of one call. */
    public record Timing(int size, long nanos) {
    }

    /** A chosen size: the target it aims at and the time the calibration expects of it. */
    public record Size(int size, long targetNs, long estimatedNs) {
    }

    public Calibration {
        timings = List.copyOf(timings);
    }

    /**
     * One size per target that the measured range can reach, by log-log interpolation between the two measured sizes
     * around it, rounded to 1, 2 or 5 times a power of ten so that runs on one machine choose the same sizes (and
     * tracking finds the same benchmarks) despite a few percent of noise. A target below size 1's time (by more than
     * 2x) or above the largest size's time (by more than 2x) is left out; two targets on one size keep the first.
     */
    public List<Size> sizesFor(List<Long> targetsNs) {
        List<Size> sizes = new ArrayList<>();
        for (long target : targetsNs) {
            Size size = sizeFor(target);
            if (size != null && sizes.stream().noneMatch(s -> s.size() == size.size())) {
                sizes.add(size);
            }
        }
        return List.copyOf(sizes);
    }

    private Size sizeFor(long target) {
        if (timings.isEmpty()) {
            return null;
        }
        Timing first = timings.getFirst();
        Timing last = timings.getLast();
        if (first.nanos() > 2 * target || 2 * last.nanos() < target) {
            return null;
        }
        double exact = first.size();
        if (first.nanos() < target) {
            exact = last.size();
            for (int i = 1; i < timings.size(); i++) {
                if (timings.get(i).nanos() >= target) {
                    exact = sizeAt(timings.get(i - 1), timings.get(i), target);
                    break;
                }
            }
        }
        int rounded = (int) Math.max(first.size(), Math.min(last.size(), roundToGrid(exact)));
        return new Size(rounded, target, Math.round(timeAt(rounded)));
    }

    /** time ~ size^k between two measured points, k from their slope on log scales: the size for {@code target}. */
    private static double sizeAt(Timing low, Timing high, double target) {
        double k = slope(low, high);
        return k > 0 ? low.size() * Math.pow(target / Math.max(1, low.nanos()), 1 / k) : high.size();
    }

    private static double slope(Timing low, Timing high) {
        return Math.log((double) Math.max(1, high.nanos()) / Math.max(1, low.nanos()))
                / Math.log((double) high.size() / low.size());
    }

    /** The time one call at {@code size} is expected to take, interpolated as {@link #sizeAt} does. */
    public double timeAt(int size) {
        Timing low = timings.getFirst();
        for (Timing high : timings) {
            if (high.size() >= size) {
                if (high.size() == size || high == low) {
                    return high.nanos();
                }
                return Math.max(1, low.nanos()) * Math.pow((double) size / low.size(), slope(low, high));
            }
            low = high;
        }
        return timings.getLast().nanos();
    }

    /** The nearest of 1, 2 and 5 times a power of ten, on a log scale. */
    static long roundToGrid(double size) {
        if (size <= 1) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(size)));
        long best = (long) decade;
        for (long step : new long[] {1, 2, 5, 10}) {
            double candidate = step * decade;
            if (Math.abs(Math.log(candidate / size)) < Math.abs(Math.log(best / size))) {
                best = Math.round(candidate);
            }
        }
        return best;
    }
}
