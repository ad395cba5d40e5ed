package io.execbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator against {@link TestHttpServer}: counts that must be exact (the schedule is deterministic), and the
 * failures that must end the run by themselves. No assertion depends on the machine's speed: rates are low, and the
 * time bounds are the spec's own bounds plus seconds of slack.
 */
class LoadGeneratorTest {

    @AfterEach
    void noGeneratorThreadLeft() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (generatorThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(generatorThreads()).as("generator threads still alive").isZero();
    }

    private static long generatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(LoadGenerator.THREAD_NAME) && t.isAlive()).count();
    }

    @Test
    void openLoopSendsTheWholeScheduleAndCountsOnlyTheMeasuredPart() throws Exception {
        try (TestHttpServer server = TestHttpServer.start()) {
            LoadSpec spec = LoadSpec.openLoop(server.port(), 500, 1_000).withWarmupMs(200).withHeavyShare(0.1);
            LoadResult result = LoadGenerator.run(spec);

            // 1.2 s at 500/s: 600 requests due, the first 100 in the warm-up.
            assertThat(server.cheapRequests() + server.heavyRequests()).isEqualTo(600);
            assertThat(result.completed()).isEqualTo(500);
            assertThat(result.errors()).isZero();
            assertThat(result.timeouts()).isZero();
            long expectedHeavy = heavyAmong(spec.seed(), 0.1, 100, 600);
            assertThat(result.route("heavy").getTotalCount()).isEqualTo(expectedHeavy);
            assertThat(result.route("cheap").getTotalCount()).isEqualTo(500 - expectedHeavy);
            assertThat(server.heavyRequests()).isEqualTo(heavyAmong(spec.seed(), 0.1, 0, 600));
            long inIntervals = result.intervals().stream()
                    .flatMap(i -> i.byRouteTag().values().stream()).mapToLong(Histogram::getTotalCount).sum();
            assertThat(inIntervals).isEqualTo(500);
            assertThat(result.intervals())
                    .allSatisfy(i -> assertThat(i.byRouteTag()).containsOnlyKeys("cheap", "heavy"));
            assertThat(result.achievedPerSec()).isPositive();
            assertThat(result.sendLagNs().getTotalCount()).isEqualTo(500);
            assertThat(result.generatorCpuNs()).isPositive();
            assertThat(server.accepted()).isEqualTo(LoadSpec.DEFAULT_CONNECTIONS);
        }
    }

    private static long heavyAmong(long seed, double share, int from, int to) {
        SplittableRandom mix = new SplittableRandom(seed);
        long heavy = 0;
        for (int i = 0; i < to; i++) {
            boolean isHeavy = mix.nextDouble() < share;
            heavy += i >= from && isHeavy ? 1 : 0;
        }
        return heavy;
    }

    @Test
    void closedLoopStopsAtTheRequestBound() throws Exception {
        try (TestHttpServer server = TestHttpServer.start()) {
            LoadSpec spec = LoadSpec.openLoop(server.port(), 1, 10_000).closedLoop().withConnections(4)
                    .withMaxRequests(2_000);
            LoadResult result = LoadGenerator.run(spec);

            assertThat(result.completed()).isEqualTo(2_000);
            assertThat(result.accounted()).isEqualTo(2_000);
            assertThat(server.cheapRequests()).isEqualTo(2_000);
            assertThat(result.measuredNs()).isLessThan(10_000_000_000L);
        }
    }

    @Test
    void aNonSuccessStatusIsAnErrorWithoutLatency() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(new TestHttpServer.Options().status(503))) {
            LoadResult result = LoadGenerator.run(LoadSpec.openLoop(server.port(), 200, 500).withConnections(2));

            assertThat(result.errors()).isEqualTo(100);
            assertThat(result.completed()).isZero();
            assertThat(result.errorCauses()).containsEntry("status 503", 100L);
            assertThat(result.route("cheap").getTotalCount()).isZero();
        }
    }

    @Test
    void connectionCloseIsHonouredByReconnecting() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(new TestHttpServer.Options().closeEvery(3))) {
            LoadResult result = LoadGenerator.run(LoadSpec.openLoop(server.port(), 400, 500).withConnections(4));

            assertThat(result.completed()).isEqualTo(200);
            assertThat(result.errors()).isZero();
            assertThat(server.accepted()).isGreaterThan(4);
        }
    }

    @Test
    void refusedConnectionsAreErrorsAndTheRunEndsOnTime() throws Exception {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        } // closed: nothing listens there now
        long started = System.nanoTime();
        LoadResult result = LoadGenerator.run(LoadSpec.openLoop(port, 200, 500).withConnections(4).withTimeoutMs(500));

        assertThat(result.errors()).isEqualTo(100);
        assertThat(result.completed()).isZero();
        assertThat(result.errorCauses().keySet()).allSatisfy(cause -> assertThat(cause).startsWith("connect: "));
        assertThat(elapsedMs(started)).isLessThan(500 + 500 + 500 + 3_000);
    }

    @Test
    void aSilentServerGivesTimeoutsAndTheRunEndsByItself() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(new TestHttpServer.Options().silent())) {
            long started = System.nanoTime();
            LoadResult result = LoadGenerator.run(LoadSpec.openLoop(server.port(), 200, 1_000).withConnections(4)
                    .withTimeoutMs(400));

            assertThat(result.timeouts()).isEqualTo(200);
            assertThat(result.completed()).isZero();
            assertThat(result.errors()).isZero();
            // Bounded by duration + timeout (+ connection set-up, itself bounded by the timeout), plus slack.
            assertThat(elapsedMs(started)).isLessThan(1_000 + 400 + 400 + 3_000);
        }
    }

    @Test
    void aServerThatDiesMidRunGivesErrorsAndTheRunEndsByItself() throws Exception {
        TestHttpServer server = TestHttpServer.start();
        AtomicReference<Exception> killFailure = new AtomicReference<>();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(500);
                server.kill();
            } catch (Exception e) {
                killFailure.set(e);
            }
        }, "test-server-killer");
        try {
            killer.start();
            long started = System.nanoTime();
            LoadResult result = LoadGenerator.run(LoadSpec.openLoop(server.port(), 200, 1_500).withConnections(4)
                    .withTimeoutMs(500));

            assertThat(result.completed()).isPositive();
            assertThat(result.errors()).isPositive();
            assertThat(result.accounted()).isEqualTo(300);
            assertThat(elapsedMs(started)).isLessThan(1_500 + 500 + 500 + 3_000);
        } finally {
            killer.join();
            server.close();
        }
        assertThat(killFailure.get()).isNull();
    }

    @Test
    void anInterruptStopsTheRunAndIsThrown() throws Exception {
        try (TestHttpServer server = TestHttpServer.start()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    LoadGenerator.run(LoadSpec.openLoop(server.port(), 100, 60_000).withConnections(2));
                } catch (Throwable e) {
                    thrown.set(e);
                }
            }, "test-load-caller");
            caller.start();
            Thread.sleep(300);
            caller.interrupt();
            caller.join(10_000);
            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void refusesATargetOffThisMachine() {
        for (String host : List.of("10.0.0.1", "8.8.8.8", "example.com", "", "127.0.0.1.example.com")) {
            assertThatThrownBy(() -> new LoadSpec(host, 8080, 100, 20, 0, 1_000, 0, 1_000, true, 1, List.of(), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
        }
        for (String host : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
            assertThat(new LoadSpec(host, 8080, 100, 20, 0, 1_000, 0, 1_000, true, 1, List.of(), 0).host())
                    .isEqualTo(host);
        }
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> LoadSpec.openLoop(80, 0, 1_000)).hasMessageContaining("rate");
        assertThatThrownBy(() -> LoadSpec.openLoop(80, 100, 1_000).withHeavyShare(1.5)).hasMessageContaining("heavy");
        assertThatThrownBy(() -> LoadSpec.openLoop(80, 100, 1_000).withConnections(0))
                .hasMessageContaining("connections");
        assertThatThrownBy(() -> LoadSpec.openLoop(0, 100, 1_000)).hasMessageContaining("port");
        assertThat(LoadSpec.openLoop(80, 0.5, 1_000).closedLoop().openLoop()).isFalse();
    }

    private static long elapsedMs(long startedNs) {
        return (System.nanoTime() - startedNs) / 1_000_000;
    }

}
