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
     * around it. A target below size 1's time (by more than 2x) or above the largest size's time (by more than 2x)
     * is left out; two targets on one size keep the first.
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
        if (first.nanos() >= target) {
            return first.nanos() <= 2 * target ? new Size(first.size(), target, first.nanos()) : null;
        }
        if (last.nanos() < target) {
            return 2 * last.nanos() >= target ? new Size(last.size(), target, last.nanos()) : null;
        }
        for (int i = 1; i < timings.size(); i++) {
            Timing low = timings.get(i - 1);
            Timing high = timings.get(i);
            if (high.nanos() >= target) {
                // time ~ size^k between the two measured points, k from their slope on log scales
                double k = Math.log((double) Math.max(1, high.nanos()) / Math.max(1, low.nanos()))
                        / Math.log((double) high.size() / low.size());
                double size = k > 0 ? low.size() * Math.pow((double) target / Math.max(1, low.nanos()), 1 / k)
                        : high.size();
                int rounded = (int) Math.max(low.size(), Math.min(high.size(), Math.round(size)));
                return new Size(rounded, target, target);
            }
        }
        return null;
    }
}
