package io.execbench.server;

import io.execbench.latency.IntervalLog;
import io.execbench.loadgen.Interval;
import io.execbench.loadgen.KeepAliveClient;
import io.execbench.loadgen.LoadGenerator;
import io.execbench.loadgen.LoadLog;
import io.execbench.loadgen.LoadResult;
import io.execbench.loadgen.LoadSpec;
import io.execbench.runner.Profile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The offered-rate sweep of one server setup: for each heavy share of the profile, open-loop load steps at rates
 * on one ladder shared by every setup ({@link #LADDER}: 125 requests/s doubling up to 128,000), from a start the
 * heavy share suggests, until one step past saturation. One ladder for all setups is what lets the report put every
 * model at the same offered rate (half of eventLoop's sustainable rate, say) without a second pass.
 *
 * <p>A step is sustainable ({@link #sustainable}) when the achieved rate is at least 95% of the offered one, at most
 * 0.1% of the measured requests failed or timed out, and the p99 of every route is under {@link #P99_BOUND_MS}; the
 * first step that is not ends that heavy share's sweep. Between heavy shares, and after a saturated step, the server
 * is given time to drain what it still had queued ({@link #awaitDrained}), so a backlog never lands in the next step.
 *
 * <p>Per step the server's loop lag is the difference of its lag histogram before and after (a loop's histogram
 * only grows), and the generator's intervals go to {@code latency/server-<label>-h<pct>@<rate>.hlog}, tagged
 * {@code cheap} and {@code heavy}, when the runner named a latency folder.
 */
final class LoadSweep {

    /** Offered rates, requests/s: every setup's steps are drawn from these. */
    static final List<Double> LADDER;
    /** The p99 over which a step is not sustainable, whatever its throughput. */
    static final double P99_BOUND_MS = 100;
    /** A cheap request costs about this on the loop (parse, answer, two system calls): only for the start rate. */
    private static final double CHEAP_COST_ESTIMATE_MS = 0.03;
    private static final long DRAIN_LIMIT_MS = 15_000;
    private static final long DRAINED_CALL_NS = 5_000_000;

    static {
        List<Double> ladder = new ArrayList<>();
        for (double rate = 125; rate <= 128_000; rate *= 2) {
            ladder.add(rate);
        }
        LADDER = List.copyOf(ladder);
    }

    /**
     * What a profile measures per setup.
     *
     * @param heavyShares  the mixes, in order
     * @param warmupMs     of each step, sent but not recorded
     * @param measureMs    of each step
     * @param maxSteps     per heavy share
     * @param singleRate   when positive, one step at this rate per heavy share (smoke, tests), no sweep
     * @param serverWarmupMs before the first step, closed-loop load with both routes, not recorded: the server's JVM
     *                     is new, and its first second of interpreted code and JIT compilation is no model's cost
     */
    record Plan(List<Double> heavyShares, long warmupMs, long measureMs, int maxSteps, double singleRate,
                long serverWarmupMs) {

        static Plan of(Profile profile, boolean withCheapOnly) {
            List<Double> shares = withCheapOnly ? List.of(0.0, 0.01, 0.1) : List.of(0.01, 0.1);
            return switch (profile) {
                case TEST -> new Plan(List.of(0.01), 0, 200, 1, 200, 0);
                case SMOKE -> new Plan(List.of(0.01), 200, 1_000, 1, 1_000, 500);
                case QUICK -> new Plan(shares, 250, 1_000, 8, 0, 2_000);
                case FULL -> new Plan(List.of(0.0, 0.01, 0.1), 500, 3_000, 11, 0, 5_000);
            };
        }
    }

    /**
     * One route's latency in a step, microseconds; {@code intervalP99Us} one p99 per interval of the step;
     * {@code p99LowUs} and {@code p99HighUs} the 99.9% distribution-free interval of the step's p99
     * ({@link #p99Interval}).
     */
    record RouteStats(long count, double meanUs, double p50Us, double p90Us, double p99Us, double p999Us,
                      double maxUs, List<Double> intervalP99Us, double p99LowUs, double p99HighUs) {
    }

    /** The two-sided 99.9% normal quantile. */
    private static final double Z_999 = 3.2905;

    /**
     * A 99.9% confidence interval of a histogram's p99 that assumes nothing about the distribution: the order
     * statistics whose ranks bracket {@code 0.99 n} by {@code z sqrt(n 0.99 0.01)} (the normal approximation of the
     * binomial count of values below the true p99), read from the histogram. Per-interval p99s are no substitute at a
     * few hundred requests a second: an interval then holds one heavy request or none, and their mean is not the p99.
     */
    static double[] p99Interval(Histogram histogram) {
        long n = histogram.getTotalCount();
        if (n == 0) {
            return new double[] {0, 0};
        }
        double spread = Z_999 * Math.sqrt(n * 0.99 * 0.01);
        double lowRank = Math.max(1, Math.floor(n * 0.99 - spread));
        double highRank = Math.min(n, Math.ceil(n * 0.99 + spread) + 1);
        return new double[] {histogram.getValueAtPercentile(100.0 * (lowRank - 1) / n) / 1e3,
                histogram.getValueAtPercentile(100.0 * highRank / n) / 1e3};
    }

    /** The server loop's lag during a step, microseconds. */
    record LagStats(long count, double p50Us, double p99Us, double p999Us, double maxUs) {
    }

    /**
     * How many heavy requests a second the setup completes when every connection always has one outstanding
     * (closed loop, 20 connections, heavy route only): its capacity for CPU-heavy work, the figure the Node note's
     * {@code ab -n1000 -c20} compares one process with several by. {@code intervalPerSec} is the completion rate per
     * interval of the run, the repeated values a ratio's interval is computed from.
     */
    record Capacity(double heavyShare, int connections, double requestsPerSec, double measuredMs, long completed,
                    long errors, long timeouts, List<Double> intervalPerSec, long intervalMs) {
    }

    /** One load step, as written to {@code server/<label>.json}. */
    record Step(double heavyShare, double offeredPerSec, double achievedPerSec, double measuredMs, long completed,
                long errors, long timeouts, double generatorCpuMs, Map<String, RouteStats> routes, LagStats loopLag,
                String hlog) {
    }

    private final ServerSetup setup;
    private final RunningServer server;
    private final Plan plan;
    private final double heavyMs;
    private final List<Integer> generatorCpus;
    private final Optional<Path> latencyDir;
    private final Consumer<String> log;

    LoadSweep(ServerSetup setup, RunningServer server, Plan plan, double heavyMs, List<Integer> generatorCpus,
              Consumer<String> log) {
        this.setup = setup;
        this.server = server;
        this.plan = plan;
        this.heavyMs = heavyMs;
        this.generatorCpus = List.copyOf(generatorCpus);
        String dir = System.getProperty(IntervalLog.DIR_PROPERTY);
        this.latencyDir = dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
        this.log = log;
    }

    /** Every step of the plan, in order. */
    List<Step> run() throws IOException, InterruptedException {
        if (plan.serverWarmupMs() > 0) {
            LoadGenerator.run(LoadSpec.openLoop(server.port(), 1, plan.serverWarmupMs()).closedLoop()
                    .withHeavyShare(0.1).withCpus(generatorCpus));
            awaitDrained(server.port());
        }
        List<Step> steps = new ArrayList<>();
        for (double share : plan.heavyShares()) {
            List<Double> rates = plan.singleRate() > 0 ? List.of(plan.singleRate()) : ratesFrom(startRate(share));
            for (double rate : rates.subList(0, Math.min(rates.size(), plan.maxSteps()))) {
                Step step = step(share, rate);
                steps.add(step);
                log.accept(String.format(Locale.ROOT, "%s heavy %s%% @ %.0f/s: achieved %.0f/s, cheap p99 %.2f ms%s",
                        setup.label(), percent(share), rate, step.achievedPerSec(),
                        Optional.ofNullable(step.routes().get("cheap")).map(r -> r.p99Us() / 1e3).orElse(Double.NaN),
                        sustainable(step) ? "" : " (saturated)"));
                if (!sustainable(step)) {
                    break;
                }
            }
            awaitDrained(server.port());
        }
        return steps;
    }

    /** The setup's capacity for heavy requests (see {@link Capacity}), measured for as long as a step. */
    Capacity capacity() throws IOException, InterruptedException {
        LoadSpec spec = LoadSpec.openLoop(server.port(), 1, plan.measureMs()).closedLoop()
                .withWarmupMs(plan.warmupMs()).withHeavyShare(1.0).withCpus(generatorCpus);
        LoadResult result = LoadGenerator.run(spec);
        awaitDrained(server.port());
        List<Double> perInterval = new ArrayList<>();
        for (Interval interval : result.intervals()) {
            long lengthMs = interval.endEpochMs() - interval.startEpochMs();
            Histogram heavy = interval.byRouteTag().get("heavy");
            // Only whole intervals: the last one is cut short by the end of the run.
            if (heavy != null && lengthMs >= LoadGenerator.INTERVAL_MS) {
                perInterval.add(heavy.getTotalCount() * 1e3 / lengthMs);
            }
        }
        log.accept(String.format(Locale.ROOT, "%s heavy capacity (closed loop, %d connections): %.0f/s",
                setup.label(), spec.connections(), result.achievedPerSec()));
        return new Capacity(1.0, spec.connections(), result.achievedPerSec(), result.measuredNs() / 1e6,
                result.completed(), result.errors(), result.timeouts(), perInterval, LoadGenerator.INTERVAL_MS);
    }

    private Step step(double share, double rate) throws IOException, InterruptedException {
        LoadSpec spec = LoadSpec.openLoop(server.port(), rate, plan.measureMs()).withWarmupMs(plan.warmupMs())
                .withHeavyShare(share).withCpus(generatorCpus);
        Optional<Histogram> lagBefore = server.loopLagNs();
        LoadResult result = LoadGenerator.run(spec);
        Optional<Histogram> lagAfter = server.loopLagNs();
        String hlog = null;
        if (latencyDir.isPresent() && !result.intervals().isEmpty()) {
            hlog = "server-" + setup.label() + "-h" + percent(share) + "@" + Math.round(rate) + ".hlog";
            LoadLog.write(result, latencyDir.get().resolve(hlog));
        }
        Map<String, RouteStats> routes = new LinkedHashMap<>();
        for (String tag : List.of("cheap", "heavy")) {
            Histogram total = result.totalsByRoute().get(tag);
            if (total != null && total.getTotalCount() > 0) {
                routes.put(tag, routeStats(total, result.intervals(), tag));
            }
        }
        LagStats lag = lagAfter.map(after -> lagStats(after, lagBefore.orElse(null))).orElse(null);
        return new Step(share, rate, result.achievedPerSec(), result.measuredNs() / 1e6, result.completed(),
                result.errors(), result.timeouts(), Math.max(0, result.generatorCpuNs()) / 1e6, routes, lag, hlog);
    }

    /** Whether a step kept up: see the class comment. */
    static boolean sustainable(Step step) {
        long measured = step.completed() + step.errors() + step.timeouts();
        boolean kept = step.achievedPerSec() >= 0.95 * step.offeredPerSec();
        boolean clean = measured > 0 && step.errors() + step.timeouts() <= 0.001 * measured;
        boolean fast = step.routes().values().stream().allMatch(route -> route.p99Us() <= P99_BOUND_MS * 1e3);
        return kept && clean && fast;
    }

    /**
     * The first rate of a heavy share's sweep: the ladder rate at or below a sixteenth of what one CPU could serve
     * ({@code 1 / (share x heavy + (1 - share) x cheap)}), so the sweep starts well below any model's saturation
     * and reaches it in a few doublings.
     */
    double startRate(double share) {
        double perRequestMs = share * heavyMs + (1 - share) * CHEAP_COST_ESTIMATE_MS;
        double oneCpuPerSec = 1e3 / perRequestMs;
        double start = LADDER.getFirst();
        for (double rate : LADDER) {
            if (rate <= oneCpuPerSec / 16) {
                start = rate;
            }
        }
        return start;
    }

    private static List<Double> ratesFrom(double start) {
        return LADDER.subList(LADDER.indexOf(start), LADDER.size());
    }

    /**
     * Waits until the server answers cheap requests at once again (three in a row under 5 ms on a new connection),
     * at most {@link #DRAIN_LIMIT_MS}: requests a saturated step left queued are worked off before the next step.
     */
    static void awaitDrained(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DRAIN_LIMIT_MS * 1_000_000;
        ByteBuffer cheap = KeepAliveClient.request("/cheap");
        try (KeepAliveClient client = new KeepAliveClient(port)) {
            int quick = 0;
            while (quick < 3 && System.nanoTime() < deadline) {
                long start = System.nanoTime();
                client.call(cheap);
                quick = System.nanoTime() - start < DRAINED_CALL_NS ? quick + 1 : 0;
                Thread.sleep(20);
            }
        }
    }

    private static RouteStats routeStats(Histogram total, List<Interval> intervals, String tag) {
        List<Double> intervalP99 = new ArrayList<>();
        for (Interval interval : intervals) {
            Histogram histogram = interval.byRouteTag().get(tag);
            if (histogram != null && histogram.getTotalCount() > 0) {
                intervalP99.add(histogram.getValueAtPercentile(99) / 1e3);
            }
        }
        double[] p99 = p99Interval(total);
        return new RouteStats(total.getTotalCount(), total.getMean() / 1e3, total.getValueAtPercentile(50) / 1e3,
                total.getValueAtPercentile(90) / 1e3, total.getValueAtPercentile(99) / 1e3,
                total.getValueAtPercentile(99.9) / 1e3, total.getMaxValue() / 1e3, intervalP99, p99[0], p99[1]);
    }

    private static LagStats lagStats(Histogram after, Histogram before) {
        Histogram step = after.copy();
        if (before != null) {
            try {
                step.subtract(before);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                step = after.copy(); // a child that restarted its count: the whole histogram, not a negative one
            }
        }
        return new LagStats(step.getTotalCount(), step.getValueAtPercentile(50) / 1e3,
                step.getValueAtPercentile(99) / 1e3, step.getValueAtPercentile(99.9) / 1e3, step.getMaxValue() / 1e3);
    }

    /** 0.01 as {@code 1}, 0.1 as {@code 10}, 0.005 as {@code 0.5}: the heavy share in file names and logs. */
    static String percent(double share) {
        double pct = share * 100;
        return pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : String.format(Locale.ROOT, "%.3g", pct);
    }
}
