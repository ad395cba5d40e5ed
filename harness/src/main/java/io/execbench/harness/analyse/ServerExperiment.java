package io.execbench.harness.analyse;

import io.execbench.harness.read.AbCheck;
import io.execbench.harness.read.LatencyLog;
import io.execbench.harness.read.ServerReadings;
import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A server under load ({@code server/*.json}): per configuration and heavy-request share, the highest sustainable
 * offered rate; one rate every model ran, where the cheap route's p99 shows what heavy requests do to cheap ones
 * (the blocking probe); the event loop's lag; each configuration's capacity for heavy requests
 * ({@link ServerCapacity}); processes scaling; the ab cross-check. Pure.
 *
 * <p>Rules, stated in the report as here. A step is <b>sustainable</b> when the server completed at least
 * {@value #ACHIEVED_SHARE} of the offered rate, errors and timeouts stayed within {@value #ERROR_SHARE} of the
 * requests, and the overall p99 (the larger of the routes' p99) stayed within the file's {@code p99BoundMs}. A
 * configuration's sustainable throughput at a mix is the highest such offered rate; since rates are on a ladder,
 * the truth lies between it and the next rate of the ladder. The <b>shared rate</b> is the highest offered rate
 * that every configuration ran at {@value #SHARED_MIX} heavy and that is at most half eventLoop's sustainable rate
 * there (low enough that the loop is not saturated, high enough that heavy requests arrive often); without eventLoop,
 * the highest such rate at which every configuration was sustainable.
 *
 * @param configs  one per configuration, in report order (eventLoop, loopOffload, threadPool, virtual, processes by N)
 * @param shares   every heavy share measured, ascending
 * @param shared   the shared rate and how it was chosen
 * @param probes   per configuration and heavy share: the cheap route at the shared rate
 * @param scaling  processes N=2 over N=1 by sustainable rate, per heavy share where both ran
 * @param capacity each configuration's capacity for heavy requests, and processes-N over processes-1 by it
 * @param ab       the ab cross-check, when the run has one
 * @param logs     the steps' interval logs that could be read, by name
 * @param warnings files left out, one sentence each
 */
public record ServerExperiment(List<Config> configs, List<Double> shares, SharedRate shared, List<Probe> probes,
                               List<Scaling> scaling, ServerCapacity capacity, Optional<AbCheck> ab,
                               ServerReadings.ServerLogs logs, List<String> warnings) {

    public static final double ACHIEVED_SHARE = 0.95;
    public static final double ERROR_SHARE = 0.001;
    /** The mix of the shared rate and of the blocking claim: 1% heavy. */
    public static final double SHARED_MIX = 0.01;
    static final String EVENT_LOOP = "eventLoop";
    static final String PROCESSES = "processes";
    static final List<String> MODEL_ORDER = List.of(EVENT_LOOP, "loopOffload", "threadPool", "virtual", PROCESSES);

    public ServerExperiment {
        configs = List.copyOf(configs);
        shares = List.copyOf(shares);
        probes = List.copyOf(probes);
        scaling = List.copyOf(scaling);
        warnings = List.copyOf(warnings);
    }

    /** One configuration's sweep, by mix. */
    public record Config(ServerRun run, List<Mix> mixes) {
        public Config {
            mixes = List.copyOf(mixes);
        }

        public String label() {
            return run.label();
        }

        public Optional<Mix> mix(double share) {
            return mixes.stream().filter(m -> same(m.share(), share)).findFirst();
        }
    }

    /**
     * One heavy share of one configuration.
     *
     * @param sustainablePerSec the highest sustainable offered rate, NaN when no step was sustainable
     * @param nextPerSec        the ladder's next offered rate above it (or the lowest rate, when none was
     *                          sustainable), NaN when the sweep ended sustainable
     */
    public record Mix(double share, List<Point> points, double sustainablePerSec, double nextPerSec) {
        public Mix {
            points = List.copyOf(points);
        }

        public Optional<Point> at(double offeredPerSec) {
            return points.stream().filter(p -> same(p.step().offeredPerSec(), offeredPerSec)).findFirst();
        }

        /** {@code 2000 req/s (between 2000 and 5000)}: the sustainable rate and the ladder's resolution. */
        public String sustainableText() {
            if (Double.isNaN(sustainablePerSec)) {
                return "none (not sustained at " + rate(nextPerSec) + " req/s, the lowest rate)";
            }
            return rate(sustainablePerSec) + " req/s" + (Double.isNaN(nextPerSec)
                    ? " (at least: the sweep ended sustained)"
                    : " (between " + rate(sustainablePerSec) + " and " + rate(nextPerSec) + ")");
        }
    }

    /**
     * One step with the sustainable rule applied.
     *
     * @param p99Us   the larger of the routes' p99, NaN without routes
     * @param failure why the step is not sustainable, or null when it is
     */
    public record Point(ServerRun.Step step, double p99Us, String failure) {
        public boolean sustainable() {
            return failure == null;
        }
    }

    /** The shared rate, NaN when there is none, and one sentence on how it was chosen (or why there is none). */
    public record SharedRate(double perSec, String how) {
        public boolean present() {
            return !Double.isNaN(perSec);
        }
    }

    /**
     * The cheap route of one configuration at the shared rate and one heavy share.
     *
     * @param point       the step, or null when the configuration did not run that rate at that share
     * @param cheapP99Us  the cheap route's p99 with its 99.9% interval ({@link #side}), or null
     * @param eventLoopOver eventLoop's cheap p99 over this one's ({@link Ratio}), or null
     */
    public record Probe(Config config, double share, Point point, Estimate cheapP99Us, Estimate eventLoopOver) {
    }

    /**
     * Processes N=2 against N=1 at one heavy share: sustainable rates, and their ratio with the ladder's resolution as
     * its range (the lower rate's next step against the higher's): not a confidence interval.
     */
    public record Scaling(double share, Mix one, Mix two, Estimate ratio) {
    }

    public boolean isEmpty() {
        return configs.isEmpty() && ab.isEmpty() && warnings.isEmpty();
    }

    public static ServerExperiment none() {
        return of(ServerReadings.NONE, ServerReadings.ServerLogs.NONE);
    }

    public Optional<Config> config(String label) {
        return configs.stream().filter(c -> c.label().equals(label)).findFirst();
    }

    public Optional<Probe> probe(String label, double share) {
        return probes.stream().filter(p -> p.config().label().equals(label) && same(p.share(), share)).findFirst();
    }

    /** The interval log of a step, when it names one that could be read. */
    public Optional<LatencyLog> log(ServerRun.Step step) {
        return step.hlog() == null ? Optional.empty() : Optional.ofNullable(logs.logs().get(step.hlog()));
    }

    public static ServerExperiment of(ServerReadings readings, ServerReadings.ServerLogs logs) {
        List<Config> configs = readings.runs().stream().map(ServerExperiment::config)
                .sorted(Comparator.comparingInt((Config c) -> order(c.run().model()))
                        .thenComparingInt(c -> c.run().processes())
                        .thenComparingInt(c -> c.run().poolSize() == null ? 0 : -c.run().poolSize())
                        .thenComparing(Config::label))
                .toList();
        TreeSet<Double> shares = new TreeSet<>();
        configs.forEach(c -> c.mixes().forEach(m -> shares.add(m.share())));
        SharedRate shared = sharedRate(configs);
        List<Probe> probes = new ArrayList<>();
        Optional<Config> loop = configs.stream().filter(c -> c.run().model().equals(EVENT_LOOP)).findFirst();
        for (Config config : configs) {
            for (double share : shares) {
                probes.add(probe(config, share, shared, loop));
            }
        }
        List<String> warnings = new ArrayList<>(readings.warnings());
        warnings.addAll(logs.warnings());
        return new ServerExperiment(configs, List.copyOf(shares), shared, probes, scaling(configs, shares),
                ServerCapacity.of(configs), readings.ab(), logs, warnings);
    }

    private static Config config(ServerRun run) {
        List<Double> shares = run.steps().stream().map(ServerRun.Step::heavyShare).distinct().sorted().toList();
        List<Mix> mixes = new ArrayList<>();
        for (double share : shares) {
            List<Point> points = run.steps().stream().filter(s -> same(s.heavyShare(), share))
                    .map(s -> point(s, run.p99BoundMs())).toList();
            double sustainable = points.stream().filter(Point::sustainable)
                    .mapToDouble(p -> p.step().offeredPerSec()).max().orElse(Double.NaN);
            double next = points.stream().mapToDouble(p -> p.step().offeredPerSec())
                    .filter(r -> Double.isNaN(sustainable) || r > sustainable && !same(r, sustainable))
                    .min().orElse(Double.NaN);
            mixes.add(new Mix(share, points, sustainable, next));
        }
        return new Config(run, mixes);
    }

    /** The sustainable rule (class comment) on one step. */
    static Point point(ServerRun.Step step, double p99BoundMs) {
        double p99Us = step.routes().values().stream().mapToDouble(ServerRun.Route::p99Us).max().orElse(Double.NaN);
        long requests = step.completed() + step.errors() + step.timeouts();
        List<String> failures = new ArrayList<>();
        if (!(step.achievedPerSec() >= ACHIEVED_SHARE * step.offeredPerSec())) {
            failures.add("achieved " + Text.percent(step.offeredPerSec() > 0
                    ? step.achievedPerSec() / step.offeredPerSec() : 0) + " of the offered rate");
        }
        if (requests == 0 || step.errors() + step.timeouts() > ERROR_SHARE * requests) {
            failures.add(requests == 0 ? "no requests" : "errors and timeouts "
                    + Text.percent((step.errors() + step.timeouts()) / (double) requests));
        }
        if (Double.isNaN(p99Us)) {
            failures.add("no latency recorded");
        } else if (p99Us > p99BoundMs * 1000) {
            failures.add("p99 " + Numbers.format(p99Us / 1000) + " ms above the " + Numbers.format(p99BoundMs)
                    + " ms bound");
        }
        return new Point(step, p99Us, failures.isEmpty() ? null : String.join("; ", failures));
    }

    private static SharedRate sharedRate(List<Config> configs) {
        if (configs.isEmpty()) {
            return new SharedRate(Double.NaN, "No server configuration in this run.");
        }
        List<Mix> mixes = configs.stream().map(c -> c.mix(SHARED_MIX)).flatMap(Optional::stream).toList();
        if (mixes.size() < configs.size()) {
            return new SharedRate(Double.NaN, "Not every configuration ran " + share(SHARED_MIX)
                    + " heavy requests, so there is no rate they all share.");
        }
        TreeSet<Double> common = new TreeSet<>();
        mixes.getFirst().points().forEach(p -> common.add(p.step().offeredPerSec()));
        for (Mix mix : mixes) {
            common.removeIf(rate -> mix.at(rate).isEmpty());
        }
        Optional<Config> loop = configs.stream().filter(c -> c.run().model().equals(EVENT_LOOP)).findFirst();
        if (loop.isPresent()) {
            double loopRate = loop.get().mix(SHARED_MIX).orElseThrow().sustainablePerSec();
            if (Double.isNaN(loopRate)) {
                return new SharedRate(Double.NaN, "eventLoop sustained no rate at " + share(SHARED_MIX)
                        + " heavy, so there is no shared rate below it.");
            }
            Double rate = common.floor(loopRate / 2 * (1 + 1e-9));
            if (rate == null) {
                // A single-rate profile (smoke) has no step below half of eventLoop's rate: the highest common rate
                // eventLoop sustained still compares the models, said as such.
                Double sustained = common.floor(loopRate * (1 + 1e-9));
                return sustained == null ? new SharedRate(Double.NaN, "No rate every configuration ran at "
                        + share(SHARED_MIX) + " heavy is at most eventLoop's sustainable " + rate(loopRate) + " req/s.")
                        : new SharedRate(sustained, "the highest offered rate every configuration ran at "
                                + share(SHARED_MIX) + " heavy; none was at most half eventLoop's sustainable "
                                + rate(loopRate) + " req/s (a sweep of one step, as in the smoke profile)");
            }
            return new SharedRate(rate, "the highest offered rate every configuration ran at "
                    + share(SHARED_MIX) + " heavy that is at most half eventLoop's sustainable "
                    + rate(loopRate) + " req/s");
        }
        common.removeIf(rate -> mixes.stream().anyMatch(m -> !m.at(rate).orElseThrow().sustainable()));
        return common.isEmpty() ? new SharedRate(Double.NaN, "No eventLoop in this run, and no rate at which every "
                + "configuration was sustainable at " + share(SHARED_MIX) + " heavy.")
                : new SharedRate(common.last(), "no eventLoop in this run: the highest offered rate at which every "
                        + "configuration was sustainable at " + share(SHARED_MIX) + " heavy");
    }

    private static Probe probe(Config config, double share, SharedRate shared, Optional<Config> loop) {
        Point point = !shared.present() ? null
                : config.mix(share).flatMap(m -> m.at(shared.perSec())).orElse(null);
        Estimate p99 = point == null || point.step().cheap() == null ? null
                : side(point.step().cheap()).estimate();
        Estimate over = null;
        if (point != null && point.step().cheap() != null && loop.isPresent() && loop.get() != config) {
            Optional<ServerRun.Route> loopCheap = loop.get().mix(share).flatMap(m -> m.at(shared.perSec()))
                    .map(p -> p.step().cheap());
            over = loopCheap.map(c -> Ratio.of(side(c), side(point.step().cheap()))).orElse(null);
        }
        return new Probe(config, share, point, p99, over);
    }

    /** The cheap route's per-interval p99s as repeated values; the overall p99 alone when none were written. */
    /**
     * A step's cheap (or heavy) p99 as one side of a ratio: the step's own p99 with its 99.9% order-statistic
     * interval, the wider half taken as the half-width, over all its requests; in files written before that interval,
     * the mean of the per-interval p99s (a poor stand-in at low rates, where an interval holds one heavy request or
     * none).
     */
    static Ratio.Side side(ServerRun.Route route) {
        if (route.hasP99Interval()) {
            double halfWidth = Math.max(route.p99Us() - route.p99LowUs(), route.p99HighUs() - route.p99Us());
            return new Ratio.Side(route.p99Us(), Math.max(0, halfWidth), route.count());
        }
        return route.intervalP99Us().isEmpty() ? new Ratio.Side(route.p99Us(), Double.NaN, 1)
                : Ratio.Side.ofSamples(route.intervalP99Us().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Scaling> scaling(List<Config> configs, TreeSet<Double> shares) {
        Optional<Config> one = processes(configs, 1);
        Optional<Config> two = processes(configs, 2);
        List<Scaling> out = new ArrayList<>();
        if (one.isEmpty() || two.isEmpty()) {
            return out;
        }
        for (double share : shares) {
            Optional<Mix> a = one.get().mix(share);
            Optional<Mix> b = two.get().mix(share);
            if (a.isPresent() && b.isPresent() && !Double.isNaN(a.get().sustainablePerSec())
                    && !Double.isNaN(b.get().sustainablePerSec())) {
                out.add(new Scaling(share, a.get(), b.get(), ladderRatio(b.get(), a.get())));
            }
        }
        return out;
    }

    private static Optional<Config> processes(List<Config> configs, int n) {
        return configs.stream().filter(c -> c.run().model().equals(PROCESSES) && c.run().processes() == n)
                .findFirst();
    }

    /**
     * {@code a / b} of two sustainable rates, with the range the ladder allows: each true rate lies between its
     * sustainable step and the next (unbounded where the sweep ended sustained). Not a confidence interval.
     */
    static Estimate ladderRatio(Mix a, Mix b) {
        double aHigh = Double.isNaN(a.nextPerSec()) ? Double.POSITIVE_INFINITY : a.nextPerSec();
        double bHigh = Double.isNaN(b.nextPerSec()) ? Double.POSITIVE_INFINITY : b.nextPerSec();
        return new Estimate(a.sustainablePerSec() / b.sustainablePerSec(), a.sustainablePerSec() / bHigh,
                aHigh / b.sustainablePerSec(), Double.NaN);
    }

    /** A heavy share as people say it: {@code 0%}, {@code 1%}, {@code 10%}, {@code 2.5%}. */
    public static String share(double share) {
        String text = String.format(java.util.Locale.ROOT, "%.1f", share * 100);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    /** A rate as the ladder writes it: {@code 750}, {@code 1500}, {@code 12.5}. */
    public static String rate(double perSec) {
        return perSec == Math.rint(perSec) && Math.abs(perSec) < 1e15 ? Long.toString((long) perSec)
                : Numbers.format(perSec);
    }

    static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static int order(String model) {
        int index = MODEL_ORDER.indexOf(model);
        return index < 0 ? MODEL_ORDER.size() : index;
    }
}
