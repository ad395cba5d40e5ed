package io.execbench.harness.analyse;

import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.stats.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two server claims of {@link Claims}, decided on the server experiment: a heavy request on the loop delays the
 * cheap ones (the blocking probe), and more processes sharing a port serve more requests (cluster).
 */
final class ServerClaims {

    static final String BLOCKS = "CPU-heavy work on an event loop delays every other request on it: with 1% heavy "
            + "requests, a cheap request's p99 reaches half a heavy request's time and lies above every offloading "
            + "model's";
    static final String CLUSTER = "More processes serve more requests: two server processes sharing a port "
            + "complete more CPU-heavy requests per second than one";
    /** The mix the cluster claim falls back to without capacities. */
    static final double CLUSTER_MIX = 0.1;
    /** Models whose heavy requests never run on the thread that reads the cheap ones. */
    static final List<String> OFFLOADING = List.of("loopOffload", "threadPool", "virtual");

    private ServerClaims() {
    }

    /**
     * At the shared rate and 1% heavy, two conditions, each a test: (a) eventLoop's cheap p99 (the step's p99 with
     * its 99.9% order-statistic interval, {@link ServerExperiment#side}) over half the heavy request's time lies
     * above 1: a cheap request that
     * arrives while a heavy one runs waits for the rest of it, on average half, so a p99 that reaches half a heavy
     * request is the loop's doing (the full time is reached only when heavy requests queue); (b) eventLoop's cheap
     * p99 over each offloading model's ({@link Ratio}) lies above 1 for all of them. The claim is decided on the
     * weaker of the two: a condition not supported decides it, then one within noise, else it is supported.
     * Processes are shown, not tested: each process may run its own loop, which heavy work blocks just the same.
     */
    static Claim blocks(ServerExperiment server) {
        if (server.configs().isEmpty()) {
            return Claim.untested(BLOCKS, "No server experiment in this run.");
        }
        if (!server.shared().present()) {
            return Claim.untested(BLOCKS, "No shared rate: " + server.shared().how());
        }
        String rate = ServerExperiment.rate(server.shared().perSec()) + " req/s";
        Optional<ServerExperiment.Probe> loop = server.probes().stream()
                .filter(p -> p.config().run().model().equals(ServerExperiment.EVENT_LOOP)
                        && ServerExperiment.same(p.share(), ServerExperiment.SHARED_MIX)
                        && p.cheapP99Us() != null).findFirst();
        if (loop.isEmpty()) {
            return Claim.untested(BLOCKS, "No eventLoop cheap-route latency at 1% heavy and " + rate + ".");
        }
        List<ServerExperiment.Probe> offloading = server.probes().stream()
                .filter(p -> OFFLOADING.contains(p.config().run().model())
                        && ServerExperiment.same(p.share(), ServerExperiment.SHARED_MIX) && p.eventLoopOver() != null)
                .toList();
        if (offloading.isEmpty()) {
            return Claim.untested(BLOCKS, "No offloading model (loopOffload, threadPool, virtual) at 1% heavy and "
                    + rate + " to compare eventLoop with.");
        }
        ServerRun run = loop.get().config().run();
        double halfHeavyUs = run.heavyMs() * 1000 / 2;
        Estimate p99 = loop.get().cheapP99Us();
        Claim.Test reaches = new Claim.Test("eventLoop cheap p99 / half a heavy request (" + Numbers.format(
                run.heavyMs() / 2) + " ms)", p99.dividedBy(halfHeavyUs), Claim.Bound.ABOVE, 1);
        ServerExperiment.Probe lowest = offloading.stream()
                .min((a, b) -> Double.compare(a.eventLoopOver().value(), b.eventLoopOver().value())).orElseThrow();
        Claim.Test above = new Claim.Test("eventLoop / " + lowest.config().label() + " cheap p99 (the smallest ratio)",
                lowest.eventLoopOver(), Claim.Bound.ABOVE, 1);
        Claim.Test decisive = weaker(reaches, above);
        List<String> ratios = new ArrayList<>();
        server.probes().stream().filter(p -> ServerExperiment.same(p.share(), ServerExperiment.SHARED_MIX)
                && p.eventLoopOver() != null).forEach(p -> ratios.add(p.config().label() + " "
                + Text.estimate(p.eventLoopOver()) + " x"));
        String headline = "At 1% heavy and " + rate + ", eventLoop's cheap p99 is " + Text.estimate(p99.dividedBy(
                1000)) + " ms (a heavy request takes " + Numbers.format(run.heavyMs()) + " ms), "
                + Text.estimate(lowest.eventLoopOver()) + " x " + lowest.config().label() + "'s (99.9%).";
        String measured = headline + " eventLoop's cheap p99 over each model's at the same rate: "
                + String.join("; ", ratios) + ". Decided on the weaker of: the p99 above half a heavy request "
                + "(what a cheap request waits, on average, behind one), and above every offloading model "
                + "(loopOffload, threadPool, virtual); processes are shown, not tested, since each process may run a "
                + "loop of its own. A p99 here is the step's, with its 99.9% distribution-free interval.";
        return new Claim(BLOCKS, headline, measured, decisive.verdict(), decisive);
    }

    /** The test whose verdict is weaker: not supported, then within noise, then supported. */
    static Claim.Test weaker(Claim.Test a, Claim.Test b) {
        for (String verdict : List.of(Claim.NOT_SUPPORTED, Claim.WITHIN_NOISE)) {
            if (a.verdict().equals(verdict)) {
                return a;
            }
            if (b.verdict().equals(verdict)) {
                return b;
            }
        }
        return b;
    }

    /**
     * processes-2's capacity for heavy requests over processes-1's ({@link ServerCapacity}: a closed loop of heavy
     * requests only, the steady intervals' means, {@link Ratio}'s 99.9% interval): supported when the interval's low
     * end is above 1, not supported when its high end is at most 1, otherwise within noise. Where either has no
     * capacity (older files), {@link #clusterByLadder}.
     */
    static Claim cluster(ServerExperiment server) {
        Optional<ServerCapacity.Scaling> capacity = server.capacity().scaling(2);
        if (capacity.isEmpty()) {
            return clusterByLadder(server);
        }
        ServerCapacity.Scaling s = capacity.get();
        String headline = "processes-2 completes " + perSec(s.many()) + " heavy requests/s, processes-1 "
                + perSec(s.one()) + ": " + Text.estimate(s.ratio()) + " x (99.9%, closed loop, "
                + s.many().measured().connections() + " connections).";
        String others = server.capacity().processes().stream().filter(o -> o != s)
                .map(o -> "processes-" + o.processes() + " " + perSec(o.many()) + " heavy requests/s, "
                        + Text.estimate(o.ratio()) + " x processes-1")
                .reduce((a, b) -> a + "; " + b).map(t -> " Other sizes: " + t + ".").orElse("");
        String ladder = server.scaling().stream().filter(l -> ServerExperiment.same(l.share(), CLUSTER_MIX))
                .findFirst().map(l -> " By the sustainable-rate ladder at 10% heavy: " + ratioText(l.ratio()) + ".")
                .orElse("");
        String measured = headline + " Capacity: every connection always has one heavy request outstanding, heavy "
                + "requests only; the mean of the whole intervals after the first round trip, with the 99.9% interval "
                + "of that mean." + others + ladder;
        return Claim.tested(CLUSTER, headline, measured, new Claim.Test("processes-2 / processes-1 heavy requests "
                + "per second, closed loop (99.9%)", s.ratio(), Claim.Bound.ABOVE, 1));
    }

    private static String perSec(ServerCapacity.Setup setup) {
        return Text.estimate(setup.perSec());
    }

    /**
     * Without capacities: processes-2's sustainable rate over processes-1's at 10% heavy. Both rates are steps of a
     * ladder, so the ratio's range is the ladder's resolution: from processes-2's rate over the rate at which
     * processes-1 failed, to the rate at which processes-2 failed over processes-1's. Supported when even the low end
     * is above 1 (processes-2 held a rate above the one processes-1 failed at: more than one ladder step), not
     * supported when even the high end is at most 1, otherwise within the ladder's resolution.
     */
    static Claim clusterByLadder(ServerExperiment server) {
        Optional<ServerExperiment.Scaling> scaling = server.scaling().stream()
                .filter(s -> ServerExperiment.same(s.share(), CLUSTER_MIX)).findFirst();
        if (scaling.isEmpty()) {
            return Claim.untested(CLUSTER, server.configs().isEmpty() ? "No server experiment in this run."
                    : "No processes-1 and processes-2 capacities for heavy requests, nor sweeps at 10% heavy that "
                    + "both sustained a rate.");
        }
        ServerExperiment.Scaling s = scaling.get();
        String headline = "At 10% heavy, processes-2 sustains " + s.two().sustainableText() + ", processes-1 "
                + s.one().sustainableText() + ": " + ratioText(s.ratio()) + ".";
        String other = server.scaling().stream().filter(o -> o != s).map(o -> Text.percent(o.share()) + " heavy: "
                + ratioText(o.ratio())).reduce((a, b) -> a + "; " + b).map(t -> " Other mixes: " + t + ".").orElse("");
        String measured = headline + " No capacity for heavy requests in these files, so decided on the "
                + "sustainable rates. Rates are steps of a ladder, so the ratio's range is the ladder's "
                + "resolution, not a confidence interval; the claim holds when processes-2 sustained a rate above "
                + "the one processes-1 failed at (more than one ladder step)." + other;
        return Claim.tested(CLUSTER, headline, measured, new Claim.Test("processes-2 / processes-1 sustainable "
                + "req/s (range: the ladder's steps)", s.ratio(), Claim.Bound.ABOVE, 1));
    }

    /** {@code 2.000 [1.500, 2.667] x (the ladder's range)}: the form every claim headline gives its number in. */
    static String ratioText(Estimate ratio) {
        return Text.estimate(ratio) + " x (the ladder's range)";
    }
}
