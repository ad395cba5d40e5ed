package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.ServerReadings;
import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.Ratio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server experiment's rules on the synthetic 2-CPU fixture (report/server) and on hand-made sweeps. */
class ServerExperimentTest {

    static Experiments fixture() throws Exception {
        Path dir = ReportResources.path("server");
        Run run = RunReader.read(dir);
        return Experiments.of(run, List.of(), MachineFacts.read(dir), List.of(), List.of(),
                run.server().readLogs(dir));
    }

    @Test
    void sustainableRatesPerConfigurationAndMixWithTheLaddersNextStep() throws Exception {
        ServerExperiment server = fixture().server();

        assertThat(server.configs()).extracting(ServerExperiment.Config::label).containsExactly("eventLoop",
                "loopOffload-4", "loopOffload-2", "threadPool", "virtual", "processes-1", "processes-2");
        assertThat(server.shares()).containsExactly(0.0, 0.01, 0.1);
        ServerExperiment.Mix loop = server.config("eventLoop").orElseThrow().mix(0.01).orElseThrow();
        assertThat(loop.sustainablePerSec()).isEqualTo(3000);
        assertThat(loop.nextPerSec()).isEqualTo(5000);
        assertThat(loop.sustainableText()).isEqualTo("3000 req/s (between 3000 and 5000)");
        assertThat(loop.at(5000).orElseThrow().failure()).contains("achieved 82.0% of the offered rate")
                .contains("errors and timeouts").contains("ms above the 100.0 ms bound");
        ServerExperiment.Mix two = server.config("processes-2").orElseThrow().mix(0).orElseThrow();
        assertThat(two.sustainablePerSec()).isEqualTo(20000);
        assertThat(two.nextPerSec()).isNaN();
        assertThat(two.sustainableText()).isEqualTo("20000 req/s (at least: the sweep ended sustained)");
        assertThat(server.config("threadPool").orElseThrow().mix(0).orElseThrow().sustainablePerSec())
                .isEqualTo(7500);
    }

    @Test
    void theSharedRateIsAtMostHalfEventLoopsAndTheProbeReadsTheCheapRouteThere() throws Exception {
        ServerExperiment server = fixture().server();

        assertThat(server.shared().perSec()).isEqualTo(1500);
        assertThat(server.shared().how()).contains("at most half eventLoop's sustainable 3000 req/s");
        ServerExperiment.Probe loop = server.probe("eventLoop", 0.01).orElseThrow();
        assertThat(loop.cheapP99Us().value()).isCloseTo(15453.2, within(1e-9));
        assertThat(loop.cheapP99Us().hasInterval()).isTrue();
        ServerExperiment.Probe offload = server.probe("loopOffload-4", 0.01).orElseThrow();
        assertThat(offload.cheapP99Us().value()).isCloseTo(391.7, within(1e-9));
        assertThat(offload.eventLoopOver().value()).isCloseTo(15453.2 / 391.7, within(1e-9));
        assertThat(offload.eventLoopOver().low()).isGreaterThan(10);
        // eventLoop's 10% sweep stopped at 1000 req/s, below the shared rate
        assertThat(server.probe("eventLoop", 0.1).orElseThrow().point()).isNull();
        assertThat(server.probe("eventLoop", 0.01).orElseThrow().point().step().loopLag().p99Us())
                .isGreaterThan(5000);
        assertThat(server.log(loop.point().step())).isPresent();
        assertThat(server.log(server.probe("threadPool", 0.01).orElseThrow().point().step())).isEmpty();
    }

    @Test
    void processesScalingIsARatioOfLadderStepsWithTheLadderAsItsRange() throws Exception {
        ServerExperiment.Scaling heavy = fixture().server().scaling().stream().filter(s -> s.share() == 0.1)
                .findFirst().orElseThrow();

        assertThat(heavy.ratio().value()).isEqualTo(2.0);
        assertThat(heavy.ratio().low()).isEqualTo(1.5); // 1500 over the 1000 processes-1 failed at
        assertThat(heavy.ratio().high()).isCloseTo(2000 / 750.0, within(1e-12));
    }

    @Test
    void onTheFixtureTheLoopBlocksAndTwoProcessesServeMore() throws Exception {
        List<Claim> claims = Claims.of(fixture());

        Claim blocks = claim(claims, ServerClaims.BLOCKS);
        assertThat(blocks.verdict()).isEqualTo(Claim.SUPPORTED);
        assertThat(blocks.headline()).startsWith("At 1% heavy and 1500 req/s, eventLoop's cheap p99 is 15.45 [")
                .contains("a heavy request takes 10.10 ms");
        assertThat(blocks.test().figure()).contains("the smallest ratio");
        assertThat(blocks.measured()).contains("processes-2").contains("virtual");
        Claim cluster = claim(claims, ServerClaims.CLUSTER);
        assertThat(cluster.verdict()).isEqualTo(Claim.SUPPORTED);
        assertThat(cluster.headline()).isEqualTo("processes-2 completes 166.3 [159.2, 173.4] heavy requests/s, "
                + "processes-1 88.57 [78.94, 98.20]: 1.877 [1.699, 2.075] x (99.9%, closed loop, 20 connections).");
        assertThat(cluster.measured()).contains("By the sustainable-rate ladder at 10% heavy: 2.000 [1.500, 2.667] x");
    }

    @Test
    void theBlockingClaimIsNotSupportedWhenTheLoopsP99StaysFarBelowAHeavyRequest() {
        ServerExperiment server = of(
                run("eventLoop", "eventLoop", 1, step(0.01, 500, 500, 300, 320, 310, 305), step(0.01, 1000, 1000, 400)),
                run("virtual", "virtual", 1, step(0.01, 500, 500, 290, 300, 310, 300), step(0.01, 1000, 1000, 400)));

        Claim blocks = ServerClaims.blocks(server);

        assertThat(blocks.verdict()).isEqualTo(Claim.NOT_SUPPORTED);
        assertThat(blocks.test().figure()).startsWith("eventLoop cheap p99 / half a heavy request");
    }

    @Test
    void theBlockingClaimIsWithinNoiseWhenTheLoopReachesAHeavyRequestButNotClearlyAboveTheOthers() {
        ServerExperiment server = of(
                run("eventLoop", "eventLoop", 1, step(0.01, 500, 500, 11000, 11500, 12000, 11200),
                        step(0.01, 1000, 1000, 20000)),
                run("loopOffload-4", "loopOffload", 1, step(0.01, 500, 500, 8000, 4000, 12000, 9000),
                        step(0.01, 1000, 1000, 20000)));

        Claim blocks = ServerClaims.blocks(server);

        assertThat(blocks.verdict()).isEqualTo(Claim.WITHIN_NOISE);
        assertThat(blocks.test().figure()).startsWith("eventLoop / loopOffload-4");
    }

    @Test
    void aSweepOfOneStepSharesItsRateThoughItIsNotBelowHalfOfEventLoops() {
        // The smoke profile: one step at 1,000 req/s per configuration.
        ServerExperiment server = of(
                run("eventLoop", "eventLoop", 1, step(0.01, 1000, 1000, 9000, 11000)),
                run("virtual", "virtual", 1, step(0.01, 1000, 1000, 900, 1100)));

        assertThat(server.shared().perSec()).isEqualTo(1000);
        assertThat(server.shared().how()).contains("none was at most half eventLoop's sustainable 1000 req/s");
        assertThat(server.probe("virtual", 0.01).orElseThrow().cheapP99Us()).isNotNull();
    }

    @Test
    void theServerClaimsCannotBeTestedWithoutTheirModels() {
        assertThat(ServerClaims.blocks(ServerExperiment.none()).headline())
                .isEqualTo("No server experiment in this run.");
        ServerExperiment onlyOffload = of(run("virtual", "virtual", 1, step(0.01, 1000, 1000, 300, 310)));
        assertThat(ServerClaims.blocks(onlyOffload).verdict()).isEqualTo(Claim.UNTESTED);
        assertThat(ServerClaims.blocks(onlyOffload).headline()).startsWith("No eventLoop cheap-route latency");
        assertThat(ServerClaims.cluster(onlyOffload).verdict()).isEqualTo(Claim.UNTESTED);
        assertThat(ServerClaims.cluster(onlyOffload).headline()).isEqualTo("No processes-1 and processes-2 "
                + "capacities for heavy requests, nor sweeps at 10% heavy that both sustained a rate.");
        assertThat(Claims.of(Experiments.none())).hasSize(10).extracting(Claim::verdict)
                .containsOnly(Claim.UNTESTED);
    }

    @Test
    void theClusterClaimIsRefutedWhenTwoProcessesFailWhereOneHeldAndWithinTheLadderAtOneStep() {
        ServerExperiment refuted = of(
                run("processes-1", "processes", 1, step(0.1, 500, 500, 300), step(0.1, 1000, 1000, 300),
                        step(0.1, 2000, 1200, 300)),
                run("processes-2", "processes", 2, step(0.1, 500, 500, 300), step(0.1, 1000, 700, 300)));
        assertThat(ServerClaims.cluster(refuted).verdict()).isEqualTo(Claim.NOT_SUPPORTED);

        ServerExperiment oneStep = of(
                run("processes-1", "processes", 1, step(0.1, 500, 500, 300), step(0.1, 1000, 600, 300)),
                run("processes-2", "processes", 2, step(0.1, 500, 500, 300), step(0.1, 1000, 1000, 300),
                        step(0.1, 2000, 1000, 300)));
        Claim cluster = ServerClaims.cluster(oneStep);
        assertThat(cluster.verdict()).isEqualTo(Claim.WITHIN_NOISE);
        assertThat(cluster.test().value().low()).isEqualTo(1.0);
        assertThat(cluster.test().value().high()).isEqualTo(4.0);
    }

    @Test
    void theCapacityLeavesOutTheIntervalsOfTheFirstRoundTripAndIsTheMeanOfTheRest() {
        // 20 connections at 100/s: a 200 ms round trip, so only the first 250 ms interval is left out
        ServerRun.Capacity fast = capacity(84.79, 24, 100, 104, 96);
        assertThat(ServerCapacity.leftOut(fast)).isEqualTo(1);
        Ratio.Side side = ServerCapacity.side(fast);
        assertThat(side).isEqualTo(Ratio.Side.ofSamples(new double[] {100, 104, 96}));
        // at 40/s the round trip is 500 ms: the intervals starting at 0 and 250 ms are left out
        assertThat(ServerCapacity.leftOut(capacity(30, 4, 30, 40, 40, 40))).isEqualTo(2);
        // one steady interval: a value without an interval; none: the whole run's rate alone
        assertThat(ServerCapacity.side(capacity(90, 10, 100)).estimate().hasInterval()).isFalse();
        assertThat(ServerCapacity.side(capacity(90, 10, 100)).value()).isEqualTo(100);
        assertThat(ServerCapacity.side(capacity(0, 0, 0))).isEqualTo(new Ratio.Side(0, Double.NaN, 1));
        assertThat(ServerCapacity.side(capacity(12.5))).isEqualTo(new Ratio.Side(12.5, Double.NaN, 1));
    }

    @Test
    void eachCapacityIsRelativeToEventLoopsAndProcessesScaleAgainstOne() {
        ServerExperiment server = of(
                withCapacity(run("eventLoop", "eventLoop", 1, step(0.01, 500, 500, 300)), 84.79, 24, 100, 100, 104),
                withCapacity(run("virtual", "virtual", 1, step(0.01, 500, 500, 300)), 166.3, 144, 176, 184, 176),
                withCapacity(run("processes-1", "processes", 1, step(0.01, 500, 500, 300)), 72.93, 12, 88, 88, 92),
                withCapacity(run("processes-2", "processes", 2, step(0.01, 500, 500, 300)), 158.86, 96, 184, 176, 172),
                withCapacity(run("processes-4", "processes", 4, step(0.01, 500, 500, 300)), 160, 96, 180, 176, 176),
                run("threadPool", "threadPool", 1, step(0.01, 500, 500, 300)));

        ServerCapacity capacity = server.capacity();

        assertThat(capacity.setups()).extracting(ServerCapacity.Setup::label).containsExactly("eventLoop", "virtual",
                "processes-1", "processes-2", "processes-4");
        ServerCapacity.Setup loop = capacity.setup("eventLoop").orElseThrow();
        assertThat(loop.overEventLoop()).isNull();
        assertThat(loop.steady()).containsExactly(100.0, 100.0, 104.0);
        ServerCapacity.Setup virtual = capacity.setup("virtual").orElseThrow();
        assertThat(virtual.overEventLoop()).isEqualTo(Ratio.of(virtual.side(), loop.side()));
        assertThat(virtual.perSec().value()).isCloseTo(536 / 3.0, within(1e-9));
        assertThat(capacity.processes()).extracting(ServerCapacity.Scaling::processes).containsExactly(2, 4);
        ServerCapacity.Scaling two = capacity.scaling(2).orElseThrow();
        assertThat(two.ratio()).isEqualTo(Ratio.of(Ratio.Side.ofSamples(new double[] {184, 176, 172}),
                Ratio.Side.ofSamples(new double[] {88, 88, 92})));
        assertThat(two.ratio().value()).isCloseTo(532 / 268.0, within(1e-12));
        assertThat(capacity.setup("threadPool")).isEmpty();
    }

    @Test
    void theClusterClaimIsSupportedWhenTwoProcessesCompleteClearlyMoreHeavyRequests() {
        // the 2-CPU run of server-recorded: 73 and 159 heavy requests/s over the whole runs
        Claim cluster = ServerClaims.cluster(processes(capacity(72.93, 12, 88, 88, 88),
                capacity(158.86, 96, 184, 176, 172)));

        assertThat(cluster.verdict()).isEqualTo(Claim.SUPPORTED);
        assertThat(cluster.headline()).isEqualTo("processes-2 completes 177.3 [65.86, 288.8] heavy requests/s, "
                + "processes-1 88.00 [88.00, 88.00]: 2.015 [1.075, 3.778] x (99.9%, closed loop, 20 connections).");
        assertThat(cluster.test().figure()).isEqualTo("processes-2 / processes-1 heavy requests per second, closed "
                + "loop (99.9%)");
        assertThat(cluster.measured()).contains("after the first round trip");
    }

    @Test
    void theClusterClaimIsNotSupportedWhenTwoProcessesCompleteClearlyFewer() {
        Claim cluster = ServerClaims.cluster(processes(capacity(170, 20, 176, 180, 172, 176, 178),
                capacity(80, 10, 84, 88, 80, 84, 86)));

        assertThat(cluster.verdict()).isEqualTo(Claim.NOT_SUPPORTED);
        assertThat(cluster.test().value().high()).isLessThan(1);
    }

    @Test
    void theClusterClaimIsWithinNoiseWhenTheCapacitiesIntervalsOverlapOne() {
        Claim cluster = ServerClaims.cluster(processes(capacity(90, 10, 88, 88, 96),
                capacity(100, 10, 60, 140, 110)));

        assertThat(cluster.verdict()).isEqualTo(Claim.WITHIN_NOISE);
        assertThat(cluster.test().value().low()).isLessThan(1);
        assertThat(cluster.test().value().high()).isGreaterThan(1);
        // a single steady interval each: a ratio without an interval decides nothing
        assertThat(ServerClaims.cluster(processes(capacity(70, 10, 88), capacity(150, 10, 176))).verdict())
                .isEqualTo(Claim.WITHIN_NOISE);
    }

    @Test
    void withoutBothCapacitiesTheClusterClaimFallsBackToTheLadder() {
        ServerExperiment server = of(
                withCapacity(run("processes-1", "processes", 1, step(0.1, 500, 500, 300), step(0.1, 1000, 600, 300)),
                        72.93, 12, 88, 88, 88),
                run("processes-2", "processes", 2, step(0.1, 500, 500, 300), step(0.1, 1000, 1000, 300),
                        step(0.1, 2000, 1000, 300)));

        Claim cluster = ServerClaims.cluster(server);

        assertThat(cluster.verdict()).isEqualTo(Claim.WITHIN_NOISE);
        assertThat(cluster.headline()).isEqualTo("At 10% heavy, processes-2 sustains 1000 req/s (between 1000 and "
                + "2000), processes-1 500 req/s (between 500 and 1000): 2.000 [1.000, 4.000] x (the ladder's range).");
        assertThat(cluster.measured()).contains("No capacity for heavy requests in these files");
        assertThat(server.capacity().processes()).isEmpty();
    }

    @Test
    void aStepIsSustainableWithinEachLimitAndNotPastAny() {
        assertThat(ServerExperiment.point(step(0, 1000, 950, 100_000), 100).sustainable()).isTrue();
        assertThat(ServerExperiment.point(step(0, 1000, 949, 100), 100).failure())
                .isEqualTo("achieved 94.9% of the offered rate");
        assertThat(ServerExperiment.point(step(0, 1000, 1000, 100_001), 100).failure())
                .isEqualTo("p99 100.0 ms above the 100.0 ms bound");
        ServerRun.Step errors = withErrors(step(0, 1000, 1000, 100), 998, 2, 0);
        assertThat(ServerExperiment.point(errors, 100).failure()).isEqualTo("errors and timeouts 0.2%");
        assertThat(ServerExperiment.point(withErrors(step(0, 1000, 1000, 100), 999, 0, 1), 100).sustainable())
                .isTrue();
    }

    @Test
    void withoutEventLoopTheSharedRateIsTheHighestEveryConfigurationSustained() {
        ServerExperiment server = of(
                run("virtual", "virtual", 1, step(0.01, 500, 500, 300), step(0.01, 1000, 1000, 300),
                        step(0.01, 2000, 2000, 300)),
                run("threadPool", "threadPool", 1, step(0.01, 500, 500, 300), step(0.01, 1000, 1000, 300),
                        step(0.01, 2000, 1000, 300)));

        assertThat(server.shared().perSec()).isEqualTo(1000);
        assertThat(server.shared().how()).startsWith("no eventLoop in this run");
    }

    @Test
    void theAnswerNamesTheModelWithTheLowestCheapP99AndEventLoopsRatioOverIt() throws Exception {
        Answer answer = Answers.server(fixture().server()).orElseThrow();

        assertThat(answer.answer()).startsWith("virtual keeps the cheap route's p99 lowest with 1% heavy requests "
                + "at 1500 req/s: 0.3639 ms (loopOffload-2, threadPool, loopOffload-4 within noise)").contains("on one event loop it is 15.45 ms");
        assertThat(answer.number()).startsWith("eventLoop / virtual cheap p99: 42.46 [").endsWith("x (99.9%)");
        assertThat(answer.sketch().lines()).hasSize(7);
        assertThat(answer.sketch().lines().getFirst().points()).extracting(Sketch.Point::x).containsExactly(0.0, 1.0);

        Answer none = Answers.server(ServerExperiment.none()).orElseThrow();
        assertThat(none.answered()).isFalse();
        assertThat(none.unanswered()).isEqualTo("No server data in this run.");
    }

    private static Claim claim(List<Claim> claims, String text) {
        return claims.stream().filter(c -> c.claim().equals(text)).findFirst().orElseThrow();
    }

    static ServerExperiment of(ServerRun... runs) {
        return ServerExperiment.of(new ServerReadings(List.of(runs), Optional.empty(), List.of()),
                ServerReadings.ServerLogs.NONE);
    }

    static ServerRun run(String label, String model, int processes, ServerRun.Step... steps) {
        return new ServerRun(Path.of(label + ".json"), model, label, null, processes, "alu", 1000, 10.0, 20,
                List.of(), List.of(), false, 100.0, List.of(steps), List.of(), null);
    }

    /** processes-1 and processes-2 with these capacities, each with one sustainable step. */
    private static ServerExperiment processes(ServerRun.Capacity one, ServerRun.Capacity two) {
        return of(withCapacity(run("processes-1", "processes", 1, step(0.01, 500, 500, 300)), one),
                withCapacity(run("processes-2", "processes", 2, step(0.01, 500, 500, 300)), two));
    }

    /** A closed-loop capacity of 20 connections with this whole-run rate and these interval rates. */
    static ServerRun.Capacity capacity(double requestsPerSec, double... intervalPerSec) {
        List<Double> intervals = new ArrayList<>();
        Arrays.stream(intervalPerSec).forEach(intervals::add);
        return new ServerRun.Capacity(1.0, 20, requestsPerSec, 1100, (long) (requestsPerSec * 1.1), 0, 0, intervals);
    }

    static ServerRun withCapacity(ServerRun run, double requestsPerSec, double... intervalPerSec) {
        return withCapacity(run, capacity(requestsPerSec, intervalPerSec));
    }

    static ServerRun withCapacity(ServerRun r, ServerRun.Capacity capacity) {
        return new ServerRun(r.file(), r.model(), r.label(), r.poolSize(), r.processes(), r.heavyKernel(),
                r.heavyWorkUnits(), r.heavyMs(), r.connections(), r.serverCpus(), r.generatorCpus(), r.pinned(),
                r.p99BoundMs(), r.steps(), r.notes(), capacity);
    }

    /** A step whose cheap route has these per-interval p99s (its overall p99 their largest). */
    static ServerRun.Step step(double share, double offered, double achieved, double... intervalP99Us) {
        double p99 = Arrays.stream(intervalP99Us).max().orElse(0);
        List<Double> intervals = new ArrayList<>();
        Arrays.stream(intervalP99Us).forEach(intervals::add);
        ServerRun.Route cheap = new ServerRun.Route(1000, p99 / 2, p99 / 3, p99 / 2, p99, p99, p99, intervals);
        return new ServerRun.Step(share, offered, achieved, 1000, (long) achieved, 0, 0, Double.NaN,
                Map.of(ServerRun.CHEAP, cheap), null, null);
    }

    private static ServerRun.Step withErrors(ServerRun.Step s, long completed, long errors, long timeouts) {
        return new ServerRun.Step(s.heavyShare(), s.offeredPerSec(), s.achievedPerSec(), s.measuredMs(), completed,
                errors, timeouts, s.generatorCpuMs(), s.routes(), s.loopLag(), s.hlog());
    }

    @Test
    void aStepsP99IntervalIsItsOrderStatisticsWhereTheFileGivesThem() {
        ServerRun.Route withInterval = new ServerRun.Route(4_000, 300, 200, 400, 10_000, 11_000, 12_000,
                List.of(1.0, 20_000.0), 9_000, 10_500);
        ServerRun.Route without = new ServerRun.Route(4_000, 300, 200, 400, 10_000, 11_000, 12_000,
                List.of(8_000.0, 12_000.0));

        // The wider half of the interval around the step's own p99, over every request of the step.
        assertThat(ServerExperiment.side(withInterval)).isEqualTo(new Ratio.Side(10_000, 1_000, 4_000));
        // Files without it: the per-interval p99s as repeated values.
        assertThat(ServerExperiment.side(without).value()).isEqualTo(10_000);
        assertThat(ServerExperiment.side(without).samples()).isEqualTo(2);
    }
}
