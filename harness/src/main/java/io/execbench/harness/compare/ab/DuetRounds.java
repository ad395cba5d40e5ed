package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of a duet benchmark: two duets ({@link DuetPairing.Leg}) back to back, A on the first CPU and B on the
 * second in one and the other way round in the other, which first drawn per round, so that the CPUs' difference
 * cancels within the round. The round is one pair for the verdict, whose log-ratio is
 * {@link DuetPairing#roundLogRatio}.
 */
public final class DuetRounds {

    /** Runs one duet: both builds' forks of {@code key} at once, pinned, their iterations synchronised. */
    interface Legs {
        LegOutcome run(BenchmarkKey key, String name, int cpuOfA, int cpuOfB) throws InterruptedException;
    }

    /** Both forks' results, or why the duet failed. */
    record LegOutcome(BenchmarkResult baseline, BenchmarkResult candidate, String failure) {
        static LegOutcome failed(String failure) {
            return new LegOutcome(null, null, failure);
        }
    }

    /** A round's pair, or why there is none. */
    record Round(AbSession.Pair pair, String failure) {
    }

    private final Legs legs;
    private final int firstCpu;
    private final int secondCpu;

    public DuetRounds(Legs legs, int firstCpu, int secondCpu) {
        this.legs = legs;
        this.firstCpu = firstCpu;
        this.secondCpu = secondCpu;
    }

    /**
     * Runs round {@code round} of {@code key}; {@code baselineOnFirstCpuFirst} says whether the first duet has A on
     * the first CPU.
     */
    Round run(BenchmarkKey key, int round, String name, boolean baselineOnFirstCpuFirst) throws InterruptedException {
        int[][] cpus = baselineOnFirstCpuFirst ? new int[][] {{firstCpu, secondCpu}, {secondCpu, firstCpu}}
                : new int[][] {{secondCpu, firstCpu}, {firstCpu, secondCpu}};
        List<DuetPairing.Leg> done = new ArrayList<>();
        String unit = null;
        for (int leg = 0; leg < 2; leg++) {
            int cpuOfA = cpus[leg][0];
            int cpuOfB = cpus[leg][1];
            LegOutcome outcome = legs.run(key, name + "-duet" + (leg + 1), cpuOfA, cpuOfB);
            if (outcome.failure() != null) {
                return new Round(null, "round " + round + ", duet " + (leg + 1) + " (A on CPU " + cpuOfA
                        + ", B on CPU " + cpuOfB + "): " + outcome.failure());
            }
            Metric a = outcome.baseline().primaryMetric();
            Metric b = outcome.candidate().primaryMetric();
            if (!a.scoreUnit().equals(b.scoreUnit())) {
                return new Round(null, "the builds report different units (" + a.scoreUnit() + " and "
                        + b.scoreUnit() + ")");
            }
            double[] as = iterations(a);
            double[] bs = iterations(b);
            if (as.length == 0 || as.length != bs.length) {
                return new Round(null, "round " + round + ", duet " + (leg + 1) + ": A measured " + as.length
                        + " iterations and B " + bs.length + ", so they cannot be paired");
            }
            unit = a.scoreUnit();
            done.add(new DuetPairing.Leg(cpuOfA, cpuOfB, as, bs));
        }
        // Each side's statistic for the table: the geometric mean of its two legs' medians (one on each CPU).
        double a = Math.sqrt(done.get(0).baselineMedian() * done.get(1).baselineMedian());
        double b = Math.sqrt(done.get(0).candidateMedian() * done.get(1).candidateMedian());
        return new Round(new AbSession.Pair(round, "both", a, b, unit, List.copyOf(done)), null);
    }

    /** The measurement iterations of the one fork, in order. */
    private static double[] iterations(Metric metric) {
        return metric.rawData().isEmpty() ? new double[0]
                : metric.rawData().getFirst().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
