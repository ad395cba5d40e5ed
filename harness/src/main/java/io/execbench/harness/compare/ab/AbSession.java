package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.PairedComparator;
import io.execbench.harness.compare.PairedComparison;
import io.execbench.harness.compare.StoppingRule;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.stats.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Interleaved rounds of two builds in one sitting. Each round runs every still-undecided benchmark once per build,
 * one fork each, benchmarks in an order shuffled per round and the two builds of a benchmark back to back in an order
 * drawn per pair (randomised blocks): whatever the machine does in those seconds hits both builds alike, so the
 * pair's log-ratio carries the change and not the host's drift. After each round every benchmark with enough pairs is
 * judged ({@link PairedComparator}) and stops once decided ({@link StoppingRule}); the undecided get more rounds until
 * the round or time budget runs out, and end {@code noisy} with the interval they reached.
 *
 * <p>Round 0 is a warm-up round: run, recorded, never paired. A cold first round (page cache, CPU frequency, the
 * first JIT of a new classpath) was seen off by 3x, and one wild pair on the wrong side holds a verdict back by seven
 * rounds.
 */
public final class AbSession {

    /** Runs one fork of one benchmark in one build. */
    interface Forks {
        /** Runs {@code key} once in {@code build}; {@code name} names the fork's files. */
        public Outcome run(Build build, BenchmarkKey key, String name) throws InterruptedException;
    }

    /** What one fork produced: a result, or why there is none. */
    record Outcome(BenchmarkResult result, String failure) {
        boolean failed() {
            return result == null;
        }
    }

    /** The pairs of one benchmark so far, and its state. */
    public static final class Track {
        final BenchmarkKey key;
        /** {@code interleaved} or {@code duet}. */
        final String mode;
        final List<Pair> pairs = new ArrayList<>();
        PairedComparison comparison;
        StoppingRule.Decision decision = StoppingRule.Decision.CONTINUE;
        String failure;

        /** Pairs measured so far. */
        public int pairCount() {
            return pairs.size();
        }

        Track(BenchmarkKey key) {
            this(key, "interleaved");
        }

        Track(BenchmarkKey key, String mode) {
            this.key = key;
            this.mode = mode;
        }

        boolean running() {
            return failure == null && decision == StoppingRule.Decision.CONTINUE;
        }

        double[] logRatios() {
            return pairs.stream().mapToDouble(Pair::logRatio).toArray();
        }
    }

    /**
     * One round's pair: each build's fork statistic (median iteration score, or the median sample for SampleTime).
     *
     * @param round        1-based round
     * @param firstBuild   which build ran first in the pair ({@code A} or {@code B}; {@code both} for a duet)
     * @param baseline     A's statistic
     * @param candidate    B's statistic
     * @param unit         JMH's unit of both
     * @param legs         a duet round's two duets, whose log-ratio is the pair's ({@link DuetPairing}); empty for
     *                     an interleaved round
     */
    record Pair(int round, String firstBuild, double baseline, double candidate, String unit,
                List<DuetPairing.Leg> legs) {

        Pair(int round, String firstBuild, double baseline, double candidate, String unit) {
            this(round, firstBuild, baseline, candidate, unit, List.of());
        }

        double logRatio() {
            return legs.isEmpty() ? PairedComparator.logRatio(baseline, candidate) : DuetPairing.roundLogRatio(legs);
        }
    }

    /** JMH's name for a SampleTime fork's median in {@code scorePercentiles}. */
    static final String SAMPLE_MEDIAN = "50.0";

    /** How often a long round reports how far it got. */
    static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);

    private final Build baseline;
    private final Build candidate;
    private final Forks forks;
    private final ComparisonSettings settings;
    private final StoppingRule rule;
    private final Duration timeBudget;
    private final Random random;
    private final LongSupplier nanoClock;
    private final Consumer<String> progress;
    private DuetRounds duets;
    private java.util.function.Predicate<BenchmarkKey> duetKeys = key -> false;

    public AbSession(Build baseline, Build candidate, Forks forks, ComparisonSettings settings, StoppingRule rule,
              Duration timeBudget, long seed, LongSupplier nanoClock, Consumer<String> progress) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.forks = forks;
        this.settings = settings;
        this.rule = rule;
        this.timeBudget = timeBudget;
        this.random = new Random(seed);
        this.nanoClock = nanoClock;
        this.progress = progress;
    }

    /** Runs the benchmarks {@code duetKeys} accepts as duets ({@link DuetRounds}) instead of interleaved forks. */
    public AbSession withDuets(DuetRounds duets, java.util.function.Predicate<BenchmarkKey> duetKeys) {
        this.duets = duets;
        this.duetKeys = duetKeys;
        return this;
    }

    /** Runs the rounds and returns every benchmark's track, in plan order. */
    public List<Track> run(List<BenchmarkKey> plan) throws InterruptedException {
        Map<BenchmarkKey, Track> tracks = new LinkedHashMap<>();
        plan.forEach(key -> tracks.put(key, new Track(key, duets != null && duetKeys.test(key) ? "duet"
                : "interleaved")));
        long start = nanoClock.getAsLong();
        long lastLine = start;
        for (int round = 0; round <= rule.maxRounds(); round++) {
            List<Track> running = tracks.values().stream().filter(Track::running).toList();
            if (running.isEmpty()) {
                break;
            }
            if (round > 0 && spent(start)) {
                progress.accept("time budget of " + timeBudget.toMinutes() + " min spent after round " + (round - 1)
                        + ": " + running.size() + " benchmarks stay noisy with the interval they reached");
                break;
            }
            List<Track> order = new ArrayList<>(running);
            Collections.shuffle(order, random);
            int paired = 0;
            for (Track track : order) {
                // Within a round too: a round of a whole suite is many minutes, so the session ends at most one pair
                // past its budget. The pairs left out are a random set (the order is shuffled); a pair is a pair.
                if (round > 0 && paired > 0 && spent(start)) {
                    progress.accept("time budget of " + timeBudget.toMinutes() + " min spent in round " + round
                            + ": " + (order.size() - paired) + " of its " + order.size() + " pairs not run");
                    break;
                }
                runPair(track, round);
                paired++;
                if (paired < order.size() && nanoClock.getAsLong() - lastLine >= PROGRESS_EVERY.toNanos()) {
                    progress.accept(roundLine(round, paired, order.size(), start));
                    lastLine = nanoClock.getAsLong();
                }
            }
            if (round > 0) {
                judge(tracks.values(), round);
            }
            progress.accept(line(round, tracks.values(), start));
            lastLine = nanoClock.getAsLong();
        }
        return List.copyOf(tracks.values());
    }

    private boolean spent(long start) {
        return Duration.ofNanos(nanoClock.getAsLong() - start).compareTo(timeBudget) > 0;
    }

    private void runPair(Track track, int round) throws InterruptedException {
        if (track.mode.equals("duet")) {
            runDuetRound(track, round);
            return;
        }
        boolean baselineFirst = random.nextBoolean();
        Build first = baselineFirst ? baseline : candidate;
        Build second = baselineFirst ? candidate : baseline;
        String name = String.format(java.util.Locale.ROOT, "r%02d-%s", round, Integer.toHexString(
                track.key.fullLabel().hashCode()));
        Outcome one = forks.run(first, track.key, name + "-" + first.label());
        Outcome two = forks.run(second, track.key, name + "-" + second.label());
        Outcome a = baselineFirst ? one : two;
        Outcome b = baselineFirst ? two : one;
        if (a.failed() || b.failed()) {
            track.failure = "round " + round + ": " + (a.failed() ? "build A: " + a.failure() : "")
                    + (a.failed() && b.failed() ? "; " : "") + (b.failed() ? "build B: " + b.failure() : "");
            return;
        }
        if (round == 0) {
            return; // the warm-up round: measured like the others, never paired
        }
        Metric ma = a.result().primaryMetric();
        Metric mb = b.result().primaryMetric();
        if (!ma.scoreUnit().equals(mb.scoreUnit())) {
            track.failure = "the builds report different units (" + ma.scoreUnit() + " and " + mb.scoreUnit() + ")";
            return;
        }
        track.pairs.add(new Pair(round, first.label(), statistic(a.result()), statistic(b.result()), ma.scoreUnit()));
    }

    private void runDuetRound(Track track, int round) throws InterruptedException {
        String name = String.format(java.util.Locale.ROOT, "r%02d-%s", round, Integer.toHexString(
                track.key.fullLabel().hashCode()));
        DuetRounds.Round result = duets.run(track.key, round, name, random.nextBoolean());
        if (result.failure() != null) {
            track.failure = result.failure();
        } else if (round > 0) { // the warm-up round: measured like the others, never paired
            track.pairs.add(result.pair());
        }
    }

    private void judge(Iterable<Track> tracks, int round) {
        for (Track track : tracks) {
            if (track.running() && !track.pairs.isEmpty()) {
                Direction direction = Direction.of(track.key.mode(), track.pairs.getFirst().unit());
                track.comparison = PairedComparator.compare(track.logRatios(), direction, settings);
                track.decision = rule.decide(track.comparison, track.pairs.size());
            }
        }
    }

    /**
     * A fork's score: the median of its iterations (robust to one slow one); for SampleTime, which has no iteration
     * scores, the median of its samples (JMH's p50), whose pairs spread less than half as much as the mean's (4.1%
     * against 9.2% in the first whole-suite A/A here: the mean follows the fork's few slowest calls). JMH's score
     * when neither is there.
     */
    static double statistic(BenchmarkResult result) {
        List<Double> iterations = result.primaryMetric().rawData().stream().flatMap(List::stream).sorted().toList();
        if (iterations.isEmpty()) {
            Double p50 = result.primaryMetric().scorePercentiles().get(SAMPLE_MEDIAN);
            return p50 != null ? p50 : result.primaryMetric().score();
        }
        int n = iterations.size();
        return n % 2 == 1 ? iterations.get(n / 2) : (iterations.get(n / 2 - 1) + iterations.get(n / 2)) / 2;
    }

    /** Within a long round (a whole suite's takes many minutes), a line at most once a {@link #PROGRESS_EVERY}. */
    private String roundLine(int round, int paired, int pairs, long start) {
        long seconds = Duration.ofNanos(nanoClock.getAsLong() - start).toSeconds();
        return String.format(java.util.Locale.ROOT, "round %d%s: %d of %d %s run after %dm%02ds", round,
                round == 0 ? " (warm-up)" : " of at most " + rule.maxRounds(), paired, pairs,
                round == 0 ? "benchmarks" : "pairs", seconds / 60, seconds % 60);
    }

    private String line(int round, Iterable<Track> tracks, long start) {
        int decided = 0;
        int undecided = 0;
        int exhausted = 0;
        int failed = 0;
        for (Track track : tracks) {
            if (track.failure != null) {
                failed++;
            } else if (track.running()) {
                undecided++;
            } else if (track.decision == StoppingRule.Decision.EXHAUSTED) {
                exhausted++;
            } else {
                decided++;
            }
        }
        long seconds = Duration.ofNanos(nanoClock.getAsLong() - start).toSeconds();
        return String.format(java.util.Locale.ROOT, "round %d%s done after %dm%02ds: %d decided, %d undecided%s%s",
                round, round == 0 ? " (warm-up, not paired)" : " of at most " + rule.maxRounds(), seconds / 60,
                seconds % 60, decided, undecided, exhausted == 0 ? "" : ", " + exhausted + " out of rounds (noisy)",
                failed == 0 ? "" : ", " + failed + " failed");
    }
}
