package io.execbench.scaling;

import io.execbench.topology.Affinity;
import io.execbench.topology.Topology;
import io.execbench.topology.TopologyProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The machine-dependent part of the scaling sweep: which thread counts and placements are worth measuring here,
 * and why anything was left out. Pure given a {@link Topology} and the pinning verdict, so it is tested against the
 * fake topologies.
 *
 * @param threadCounts ascending; always 1, 2, the usable physical cores, the usable logical CPUs and twice that
 * @param placements   only the placements that can differ here, as {@code @Param} labels
 * @param notes        one sentence per thing skipped or worth knowing when reading the results
 */
public record ScalingPlan(List<Integer> threadCounts, List<String> placements, List<String> notes) {

    /**
     * At most this many thread counts, so that the sweep (3 kernels x up to 3 placements x counts, each a JMH run)
     * stays within the quick profile on any machine: 72 runs of about 9 s, 11 minutes, at worst.
     */
    public static final int MAX_THREAD_COUNTS = 8;

    /** The quick profile's share: 1, 2, cores, logical and 2x logical, plus ladder points up to five in all. */
    public static final int QUICK_THREAD_COUNTS = 5;

    /** The smoke profile's share: only the points every plan has (1, 2, cores, logical, 2x logical). */
    public static final int SMOKE_THREAD_COUNTS = 1;

    /** This machine, as this process sees it, with every thread count the full profile samples. */
    public static ScalingPlan forThisMachine() {
        return forThisMachine(MAX_THREAD_COUNTS);
    }

    /** This machine, sampling at most {@code maxThreadCounts} thread counts. */
    public static ScalingPlan forThisMachine(int maxThreadCounts) {
        return of(TopologyProbe.probe(), Affinity.unavailableReason(), maxThreadCounts);
    }

    /** The plan for {@code topology} with every thread count the full profile samples. */
    public static ScalingPlan of(Topology topology, String pinningUnavailable) {
        return of(topology, pinningUnavailable, MAX_THREAD_COUNTS);
    }

    /**
     * The plan for {@code topology}; {@code pinningUnavailable} is null where threads can be pinned, else the reason.
     */
    public static ScalingPlan of(Topology topology, String pinningUnavailable, int maxThreadCounts) {
        int logical = topology.usableCpus().size();
        int cores = topology.usableCores().size();
        List<String> notes = new ArrayList<>();
        List<String> placements = new ArrayList<>(List.of(Placement.OS.label()));
        boolean smt = topology.usableCores().stream().anyMatch(core -> core.size() > 1);
        if (pinningUnavailable != null) {
            notes.add("spread and packed skipped, only the OS places threads: " + pinningUnavailable);
        } else {
            placements.add(Placement.SPREAD.label());
            if (smt) {
                placements.add(Placement.PACKED.label());
            } else {
                notes.add("packed skipped: no SMT siblings among the usable CPUs, so packed would pin exactly as spread;"
                        + " the hyperthread yield cannot be measured here");
            }
        }
        if (topology.physicalCores() == null) {
            notes.add("core topology unknown: every usable CPU counted as a core of its own");
        }
        if (topology.allowedCpus() != null && topology.logicalCpus() != null && logical < topology.logicalCpus()) {
            notes.add("this process may use " + logical + " of the " + topology.logicalCpus() + " online CPUs");
        }
        quotaNote(topology, logical).ifPresent(notes::add);
        return new ScalingPlan(threadCounts(cores, logical, maxThreadCounts), List.copyOf(placements),
                List.copyOf(notes));
    }

    private static Optional<String> quotaNote(Topology topology, int logical) {
        try {
            double quota = Double.parseDouble(topology.cgroupCpuQuota());
            if (quota < logical) {
                return Optional.of("cgroup CPU quota of " + topology.cgroupCpuQuota() + " CPUs: throughput"
                        + " cannot scale past it even though " + logical + " CPUs are allowed");
            }
        } catch (NumberFormatException e) {
            // "max" or "unknown": nothing to say
        }
        return Optional.empty();
    }

    /**
     * Thread counts from 1 to {@code 2 * logical}: the required points (1, 2, cores, logical, 2 x logical) and a
     * roughly geometric ladder (1, 2, 3, 4, 6, 8, 12, 16, ...) between them. When there are more than
     * {@code maxCounts}, ladder points are dropped where they sit closest to their neighbours on a log scale, so the
     * sample stays even across the range.
     */
    static List<Integer> threadCounts(int cores, int logical, int maxCounts) {
        int top = 2 * Math.max(1, logical);
        TreeSet<Integer> required = new TreeSet<>(List.of(1, Math.min(2, top), Math.max(1, cores),
                Math.max(1, logical), top));
        TreeSet<Integer> counts = new TreeSet<>(required);
        for (int step = 2; step <= top; step *= 2) {
            counts.add(step);
            if (step + step / 2 <= top) {
                counts.add(step + step / 2);
            }
        }
        while (counts.size() > Math.max(maxCounts, required.size())) {
            List<Integer> sorted = List.copyOf(counts);
            int drop = -1;
            double closest = Double.MAX_VALUE;
            for (int i = 1; i < sorted.size() - 1; i++) {
                if (required.contains(sorted.get(i))) {
                    continue;
                }
                double gap = Math.log(sorted.get(i + 1)) - Math.log(sorted.get(i - 1));
                if (gap < closest) {
                    closest = gap;
                    drop = sorted.get(i);
                }
            }
            counts.remove(drop);
        }
        return List.copyOf(counts);
    }
}
