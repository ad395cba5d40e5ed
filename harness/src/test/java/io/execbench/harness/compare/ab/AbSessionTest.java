package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.StoppingRule;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The rounds with synthetic forks: a machine whose speed drifts by up to 20% from one pair to the next (both forks of
 * a pair see nearly the same speed, as back-to-back forks do), 2% noise per fork, and build B doing 10% more work on
 * one benchmark. No process is started and no time is measured.
 */
class AbSessionTest {

    private static final Build A = new Build("A", "main", "a".repeat(40), List.of(Path.of("a")));
    private static final Build B = new Build("B", "working tree", "b".repeat(40), List.of(Path.of("b")));
    private static final BenchmarkKey SLOWER = new BenchmarkKey("x.KernelBenchmark.run", "avgt",
            Map.of("kernel", "fp"));
    private static final BenchmarkKey SAME = new BenchmarkKey("x.KernelBenchmark.run", "avgt",
            Map.of("kernel", "alu"));
    private static final BenchmarkKey BROKEN = new BenchmarkKey("x.Gone.run", "avgt", Map.of());

    /** Forks of a drifting machine: the speed changes per pair, not within one. */
    private static final class DriftingMachine implements AbSession.Forks {
        private final Random random = new Random(7);
        private final List<String> calls = new ArrayList<>();
        private double speed = 1;
        private int call;

        @Override
        public AbSession.Outcome run(Build build, BenchmarkKey key, String name) {
            calls.add(name);
            if (call++ % 2 == 0) {
                speed = 0.8 + 0.4 * random.nextDouble(); // a new minute of the host's mood for each pair
            }
            if (key.equals(BROKEN) && build == A) {
                return new AbSession.Outcome(null, "No matching benchmarks");
            }
            double work = key.equals(SLOWER) && build == B ? 1.10 : 1.0;
            double ns = 100 * work * speed * Math.exp(0.02 * random.nextGaussian());
            return new AbSession.Outcome(result(key, ns), null);
        }
    }

    private static BenchmarkResult result(BenchmarkKey key, double ns) {
        Metric metric = new Metric(ns, Double.NaN, new Metric.Interval(Double.NaN, Double.NaN), "ns/op", Map.of(),
                List.of(List.of(ns * 1.01, ns, ns * 0.99)), List.of());
        return new BenchmarkResult(1, key.benchmark(), key.mode(), 1, 1, "java", List.of(), "25", "vm", "25", "1.37",
                key.params(), metric, Map.of());
    }

    @Test
    void pairsFindTheTenPercentStepThroughTwentyPercentDriftAndLeaveTheRestAlone() throws Exception {
        DriftingMachine machine = new DriftingMachine();
        List<String> progress = new ArrayList<>();
        AbSession session = new AbSession(A, B, machine, ComparisonSettings.DEFAULTS,
                StoppingRule.of(ComparisonSettings.DEFAULTS, 20), Duration.ofHours(1), 42, new AtomicLong()::get,
                progress::add);

        List<AbSession.Track> tracks = session.run(List.of(SLOWER, SAME, BROKEN));

        AbSession.Track slower = tracks.get(0);
        assertThat(slower.comparison.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(slower.comparison.ratio().value()).isBetween(1.07, 1.13);
        assertThat(slower.pairs).hasSizeBetween(8, 20);
        assertThat(tracks.get(1).comparison.verdict()).isIn(Verdict.UNCHANGED, Verdict.NOISY);
        assertThat(tracks.get(2).failure).isEqualTo("round 0: build A: No matching benchmarks");
        assertThat(tracks.get(2).pairs).isEmpty();
        assertThat(progress.getFirst()).startsWith("round 0 (warm-up, not paired) done");
        assertThat(progress).as("no line within a round shorter than a minute").allMatch(line -> line.contains(" done "));
    }

    @Test
    void aForkIsSummarisedByItsMedianIterationOrForSampleTimeByItsMedianSampleNotTheTailHeavyMean() {
        BenchmarkKey latency = new BenchmarkKey("x.IpcRoundTripBenchmark.roundTrip", "sample", Map.of());
        Metric samples = new Metric(40.0, Double.NaN, new Metric.Interval(Double.NaN, Double.NaN), "us/op",
                Map.of("0.0", 18.0, "50.0", 21.0, "99.0", 300.0), List.of(), List.of());
        Metric noPercentiles = new Metric(40.0, Double.NaN, new Metric.Interval(Double.NaN, Double.NaN), "us/op",
                Map.of(), List.of(), List.of());

        assertThat(AbSession.statistic(withMetric(latency, samples))).isEqualTo(21.0);
        assertThat(AbSession.statistic(withMetric(latency, noPercentiles))).isEqualTo(40.0);
        assertThat(AbSession.statistic(result(SAME, 100))).isEqualTo(100.0); // iterations 101, 100, 99
    }

    private static BenchmarkResult withMetric(BenchmarkKey key, Metric metric) {
        return new BenchmarkResult(1, key.benchmark(), key.mode(), 1, 1, "java", List.of(), "25", "vm", "25", "1.37",
                key.params(), metric, Map.of());
    }

    @Test
    void theWarmUpRoundIsRunButNeverPairedAndEachPairRunsBothBuilds() throws Exception {
        DriftingMachine machine = new DriftingMachine();
        AbSession session = new AbSession(A, B, machine, ComparisonSettings.DEFAULTS,
                StoppingRule.of(ComparisonSettings.DEFAULTS, 8), Duration.ofHours(1), 1, new AtomicLong()::get,
                line -> { });

        AbSession.Track same = session.run(List.of(SAME)).getFirst();

        assertThat(same.pairs).extracting(AbSession.Pair::round).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(machine.calls).hasSize(2 * 9);
        assertThat(machine.calls.stream().filter(name -> name.startsWith("r00-"))).hasSize(2);
        assertThat(same.pairs).extracting(AbSession.Pair::firstBuild).contains("A", "B");
    }

    @Test
    void aSpentTimeBudgetEndsTheRoundsWithTheIntervalReached() throws Exception {
        AtomicLong clock = new AtomicLong();
        AbSession.Forks slowMachine = (build, key, name) -> {
            clock.addAndGet(Duration.ofMinutes(1).toNanos());
            return new AbSession.Outcome(result(key, 100), null);
        };
        List<String> progress = new ArrayList<>();
        AbSession session = new AbSession(A, B, slowMachine, ComparisonSettings.DEFAULTS,
                StoppingRule.of(ComparisonSettings.DEFAULTS, 20), Duration.ofMinutes(9), 1, clock::get,
                progress::add);

        AbSession.Track track = session.run(List.of(SAME)).getFirst();

        assertThat(track.pairs).hasSize(4); // 2 minutes a round: rounds 0 to 4 start within 9 minutes
        assertThat(track.comparison.verdict()).isEqualTo(Verdict.NOISY);
        assertThat(progress.getLast()).startsWith("time budget of 9 min spent after round 4");
    }

    @Test
    void aBudgetSpentWithinARoundLeavesTheRestOfThatRoundUnpairedSoAWholeSuiteEndsOnTime() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<String> calls = new ArrayList<>();
        AbSession.Forks slowMachine = (build, key, name) -> {
            calls.add(name);
            clock.addAndGet(Duration.ofMinutes(1).toNanos());
            return new AbSession.Outcome(result(key, 100), null);
        };
        List<BenchmarkKey> suite = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            suite.add(new BenchmarkKey("x.Suite.run", "avgt", Map.of("n", String.valueOf(i))));
        }
        List<String> progress = new ArrayList<>();
        AbSession session = new AbSession(A, B, slowMachine, ComparisonSettings.DEFAULTS,
                StoppingRule.of(ComparisonSettings.DEFAULTS, 20), Duration.ofMinutes(25), 1, clock::get,
                progress::add);

        List<AbSession.Track> tracks = session.run(suite);

        // Round 0 takes 20 minutes (10 pairs of 2), round 1 starts at 20 and stops after the pair that passes 25.
        assertThat(clock.get()).isLessThanOrEqualTo(Duration.ofMinutes(25 + 2).toNanos());
        assertThat(calls).hasSize(2 * 10 + 2 * 3);
        assertThat(tracks.stream().mapToInt(AbSession.Track::pairCount).sum()).isEqualTo(3);
        assertThat(progress).anyMatch(line -> line.equals("time budget of 25 min spent in round 1: 7 of its 10"
                + " pairs not run"));
        // A round this long says how far it got, at most once a minute, and not after its last pair.
        assertThat(progress).contains("round 0 (warm-up): 9 of 10 benchmarks run after 18m00s",
                "round 1 of at most 20: 3 of 10 pairs run after 26m00s");
        assertThat(progress).noneMatch(line -> line.startsWith("round 0 (warm-up): 10 of 10"));
        assertThat(tracks).allMatch(track -> track.comparison == null
                || track.comparison.verdict() == Verdict.NOISY);
    }
}
