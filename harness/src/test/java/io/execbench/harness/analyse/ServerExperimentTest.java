package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.ServerReadings;
import io.execbench.harness.read.ServerRun;
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
        assertThat(cluster.headline()).isEqualTo("At 10% heavy, processes-2 sustains 1500 req/s (between 1500 and "
                + "2000), processes-1 750 req/s (between 750 and 1000): 2.000 [1.500, 2.667] x (the ladder's range).");
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
    void theServerClaimsCannotBeTestedWithoutTheirModels() {
        assertThat(ServerClaims.blocks(ServerExperiment.none()).headline())
                .isEqualTo("No server experiment in this run.");
        ServerExperiment onlyOffload = of(run("virtual", "virtual", 1, step(0.01, 1000, 1000, 300, 310)));
        assertThat(ServerClaims.blocks(onlyOffload).verdict()).isEqualTo(Claim.UNTESTED);
        assertThat(ServerClaims.blocks(onlyOffload).headline()).startsWith("No eventLoop cheap-route latency");
        assertThat(ServerClaims.cluster(onlyOffload).verdict()).isEqualTo(Claim.UNTESTED);
        assertThat(ServerClaims.cluster(onlyOffload).headline())
                .isEqualTo("No processes-1 and processes-2 sweeps at 10% heavy that both sustained a rate.");
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
}
