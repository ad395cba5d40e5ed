package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.FloorReadings;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Run;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.JmhHistograms;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Each Java IPC round trip beside its C floor from the same run ({@code floor.json}): p50, p99 and mean, and the
 * Java/C ratio of each with its interval. The Java side is one value per measurement iteration (its p50, p99 or
 * mean, from JMH's SampleTime histogram), the C side one value per run of the C program; each side is the mean of
 * its values, and the ratio's interval comes from {@link Ratio}, the one ratio method.
 *
 * @param compiler    the compiler that built the floor, or null
 * @param unavailable why the run has no floor (the runner's sentence), or null
 * @param rows        one per Java round trip with a floor point, by transport then payload
 */
public record FloorComparison(String compiler, String unavailable, List<Row> rows) {

    static final String ROUND_TRIP = "IpcRoundTripBenchmark.roundTrip";
    /** The tracked ratios' benchmark names: this and {@code p50} or {@code p99}. */
    public static final String TRACKED_PREFIX = "io.execbench.floor.JavaOverC.";
    static final String RATIO_UNIT = "Java/C";

    /** One statistic of one point on both sides, and their ratio. */
    public record Pair(Estimate javaNs, Estimate cNs, Estimate ratio) {
    }

    /** One transport, payload and placement. */
    public record Row(String transport, long payloadBytes, String placement, Pair p50, Pair p99, Pair mean) {
    }

    public FloorComparison {
        rows = List.copyOf(rows);
    }

    /** A run without a floor file: nothing to compare, nothing to say. */
    public static FloorComparison none() {
        return new FloorComparison(null, null, List.of());
    }

    /** True when the run has a floor file, measured or saying why not. */
    public boolean present() {
        return compiler != null || unavailable != null || !rows.isEmpty();
    }

    /** The C mean round trip at one point, for a chart's reference line. */
    public Optional<Estimate> cMeanNs(String transport, long payloadBytes, String placement) {
        return rows.stream()
                .filter(r -> r.transport().equals(transport) && r.payloadBytes() == payloadBytes
                        && r.placement().equals(placement))
                .map(r -> r.mean().cNs()).findFirst();
    }

    /**
     * The answer first: how far above the same mechanism in C the Java round trips are, at p50 and p99; or why the
     * run has no C floor.
     */
    /** The short form of {@link #summary()}: {@code Java against C (same run): p50 1.1x to 1.6x, p99 2x to 9x}. */
    public String headline() {
        if (unavailable != null || rows.isEmpty()) {
            return "No C floor in this run";
        }
        DoubleSummaryStatistics p50 = rows.stream().mapToDouble(r -> r.p50().ratio().value()).summaryStatistics();
        DoubleSummaryStatistics p99 = rows.stream().mapToDouble(r -> r.p99().ratio().value()).summaryStatistics();
        return "Java against C (same run): p50 " + Numbers.format(p50.getMin()) + "x to "
                + Numbers.format(p50.getMax()) + "x, p99 " + Numbers.format(p99.getMin()) + "x to "
                + Numbers.format(p99.getMax()) + "x";
    }

    /** One paragraph: how far above the same mechanism in C the Java round trips are, or why there is no floor. */
    public Optional<String> summary() {
        if (unavailable != null) {
            return Optional.of("No C floor in this run: " + unavailable + ".");
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DoubleSummaryStatistics p50 = rows.stream().mapToDouble(r -> r.p50().ratio().value()).summaryStatistics();
        DoubleSummaryStatistics p99 = rows.stream().mapToDouble(r -> r.p99().ratio().value()).summaryStatistics();
        return Optional.of("Against the same mechanism in C, measured in this run on the same CPUs (the C floor): "
                + "Java's p50 round trip is " + Numbers.format(p50.getMin()) + "x to " + Numbers.format(p50.getMax())
                + "x C's, its p99 " + Numbers.format(p99.getMin()) + "x to " + Numbers.format(p99.getMax())
                + "x, over " + rows.size() + " transport and payload points (table below; 1.0x is as fast "
                + "as C). Java's side is the mean over measurement iterations of each iteration's percentile, C's "
                + "the mean over runs of the C program; intervals 99.9%.");
    }

    public static FloorComparison of(List<BenchmarkResult> results, Optional<FloorReadings> floor) {
        if (floor.isEmpty()) {
            return none();
        }
        List<Row> rows = new ArrayList<>();
        for (BenchmarkResult result : results) {
            matching(result, floor.get()).ifPresent(point -> rows.add(row(result, point)));
        }
        rows.sort(Comparator.comparing(Row::transport).thenComparingLong(Row::payloadBytes));
        return new FloorComparison(floor.get().compiler(), floor.get().unavailable(), rows);
    }

    /**
     * The Java/C ratios at p50 and p99 as results of their own ({@code io.execbench.floor.JavaOverC.p50} and
     * {@code .p99}, with the round trip's transport, payloadBytes and placement), so that tracking, compare and the
     * index cover them like any score: per fork and measurement iteration, the iteration's percentile over the C
     * runs' mean; lower is better.
     */
    public static List<BenchmarkResult> trackedResults(Run run) {
        if (run.floor().isEmpty()) {
            return List.of();
        }
        List<BenchmarkResult> tracked = new ArrayList<>();
        for (BenchmarkResult result : run.results()) {
            matching(result, run.floor().get()).ifPresent(point -> {
                tracked.add(ratioResult(run.results().size() + tracked.size() + 1, result, point, "p50", 50,
                        FloorReadings.FloorRun::p50Ns));
                tracked.add(ratioResult(run.results().size() + tracked.size() + 1, result, point, "p99", 99,
                        FloorReadings.FloorRun::p99Ns));
            });
        }
        return tracked;
    }

    private static BenchmarkResult ratioResult(int index, BenchmarkResult result, FloorReadings.Point point,
                                               String name, double percentile,
                                               ToDoubleFunction<FloorReadings.FloorRun> c) {
        double floorNs = point.runs().stream().mapToDouble(c).average().orElseThrow();
        List<List<Double>> ratios = JmhHistograms.perForkIterations(result.primaryMetric()).stream()
                .map(fork -> fork.stream().map(h -> h.getValueAtPercentile(percentile) / floorNs).toList())
                .filter(fork -> !fork.isEmpty())
                .toList();
        Ratio.Side side = Ratio.Side.ofSamples(ratios.stream().flatMap(List::stream)
                .mapToDouble(Double::doubleValue).toArray());
        Metric metric = new Metric(side.value(), side.halfWidth(),
                new Metric.Interval(side.value() - side.halfWidth(), side.value() + side.halfWidth()), RATIO_UNIT,
                Map.of(), ratios, List.of());
        return new BenchmarkResult(index, TRACKED_PREFIX + name, "avgt", 1, result.forks(), result.jvm(),
                result.jvmArgs(), result.jdkVersion(), result.vmName(), result.vmVersion(), result.jmhVersion(),
                Map.of("transport", point.transport(), "payloadBytes", Long.toString(point.payloadBytes()),
                        "placement", point.placement()), metric, Map.of());
    }

    private static Optional<FloorReadings.Point> matching(BenchmarkResult result, FloorReadings floor) {
        if (!result.benchmark().endsWith(ROUND_TRIP) || !JmhHistograms.convertible(result.primaryMetric())) {
            return Optional.empty();
        }
        String transport = result.params().get("transport");
        String placement = result.params().get("placement");
        Long bytes = Scores.positiveLong(result.params(), "payloadBytes");
        if (transport == null || placement == null || bytes == null) {
            return Optional.empty();
        }
        return floor.points().stream()
                .filter(p -> p.transport().equals(transport) && p.payloadBytes() == bytes
                        && p.placement().equals(placement) && !p.runs().isEmpty())
                .findFirst();
    }

    private static Row row(BenchmarkResult result, FloorReadings.Point point) {
        List<Histogram> iterations = JmhHistograms.perIteration(result.primaryMetric());
        return new Row(point.transport(), point.payloadBytes(), point.placement(),
                pair(iterations, h -> h.getValueAtPercentile(50), point, FloorReadings.FloorRun::p50Ns),
                pair(iterations, h -> h.getValueAtPercentile(99), point, FloorReadings.FloorRun::p99Ns),
                pair(iterations, Histogram::getMean, point, FloorReadings.FloorRun::meanNs));
    }

    private static Pair pair(List<Histogram> iterations, ToDoubleFunction<Histogram> java, FloorReadings.Point point,
                             ToDoubleFunction<FloorReadings.FloorRun> c) {
        Ratio.Side javaSide = Ratio.Side.ofSamples(iterations.stream().mapToDouble(java).toArray());
        Ratio.Side cSide = Ratio.Side.ofSamples(point.runs().stream().mapToDouble(c).toArray());
        return new Pair(javaSide.estimate(), cSide.estimate(), Ratio.of(javaSide, cSide));
    }
}
