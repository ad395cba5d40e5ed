package io.execbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ApacheBenchTest {

    @Test
    void abDiesWithThisJvmWhereSetprivExistsAndIsBoundedByTimeoutElsewhere() {
        Optional<Path> setpriv = Optional.of(Path.of("/usr/bin/setpriv"));
        Optional<Path> timeout = Optional.of(Path.of("/usr/bin/timeout"));

        assertThat(ApacheBench.lifeline(setpriv, timeout, 30))
                .containsExactly("/usr/bin/setpriv", "--pdeathsig", "KILL", "--");
        assertThat(ApacheBench.lifeline(Optional.empty(), timeout, 30))
                .containsExactly("/usr/bin/timeout", "--kill-after=2", "30s");
        assertThat(ApacheBench.lifeline(Optional.empty(), Optional.empty(), 30)).isEmpty();
    }

    /** ab 2.3's report of {@code ab -n 1000 -c 20} against {@link TestHttpServer}, captured on a loaded machine. */
    private static String fixture() throws IOException {
        try (InputStream in = ApacheBenchTest.class.getResourceAsStream("ab-output.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryFigureOfARealReport() throws IOException {
        AbResult result = ApacheBench.parse(fixture());

        assertThat(result.completeRequests()).isEqualTo(1_000);
        assertThat(result.failedRequests()).isZero();
        assertThat(result.non2xxResponses()).isZero();
        assertThat(result.concurrency()).isEqualTo(20);
        assertThat(result.requestsPerSec()).isEqualTo(2270.48);
        assertThat(result.timePerRequestMs()).isEqualTo(8.809);
        assertThat(result.timePerRequestAllMs()).isEqualTo(0.440);
        assertThat(result.percentilesMs()).containsOnly(entry(50, 5L), entry(66, 7L), entry(75, 10L),
                entry(80, 11L), entry(90, 22L), entry(95, 29L), entry(98, 68L), entry(99, 68L), entry(100, 69L));
    }

    @Test
    void readsFailuresAndNon2xxLines() throws IOException {
        String failing = fixture().replace("Failed requests:        0",
                "Failed requests:        7\n   (Connect: 0, Receive: 0, Length: 7, Exceptions: 0)\n"
                        + "Non-2xx responses:      12");
        AbResult result = ApacheBench.parse(failing);

        assertThat(result.failedRequests()).isEqualTo(7);
        assertThat(result.non2xxResponses()).isEqualTo(12);
    }

    @Test
    void refusesGarbledOrHostileOutputWithOneClearReason() throws IOException {
        String real = fixture();
        List<String> garbled = List.of("", "\u0000\u0001binary\uFFFD",
                "apr_socket_recv: Connection refused (111)",
                real.replace("Requests per second:    2270.48", "Requests per second:    NaN"),
                real.replace("Requests per second:    2270.48", "Requests per second:    1e309"),
                real.replace("Complete requests:      1000", "Complete requests:      99999999999999999999999"),
                real.replace("Time per request:       8.809 [ms] (mean)\n", ""),
                real.replace("  99%     68\n", ""),
                real.substring(0, real.length() / 2),
                real.replace("Concurrency Level:      20", "Concurrency Level:      -20"),
                "Percentage of the requests served within a certain time (ms)\n 50% " + "9".repeat(5_000));
        for (String output : garbled) {
            assertThatThrownBy(() -> ApacheBench.parse(output))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ab output: ");
        }
    }

    @Test
    void refusesArgumentsAbWouldMisread() {
        assertThatThrownBy(() -> ApacheBench.run(8080, "/cheap -X evil", 10, 2, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApacheBench.run(8080, "/cheap", 1, 2, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realAbAndTheClosedLoopGeneratorBothMeasureTheSameServer() throws Exception {
        ApacheBench.Outcome probe = ApacheBench.run(1, "/cheap", 1, 1, Duration.ofSeconds(1));
        Assumptions.assumeFalse(probe.reason() != null && probe.reason().startsWith("ab is not on the PATH"),
                probe.reason());
        try (TestHttpServer server = TestHttpServer.start()) {
            ApacheBench.Outcome ab = ApacheBench.run(server.port(), "/cheap", 2_000, 20, true, Duration.ofSeconds(20));
            LoadResult closed = LoadGenerator.run(LoadSpec.openLoop(server.port(), 1, 20_000).closedLoop()
                    .withMaxRequests(2_000));
            ApacheBench.Outcome abClose = ApacheBench.run(server.port(), "/cheap", 1_000, 20, Duration.ofSeconds(20));

            assertThat(ab.result()).as("ab -k: %s", ab.reason()).isPresent();
            assertThat(abClose.result()).as("ab: %s", abClose.reason()).isPresent();
            AbResult keepAlive = ab.result().orElseThrow();
            // Reported, not asserted: two clients' timings on a shared machine agree only roughly.
            System.out.printf("cross-check, 20 connections: ab -k %.0f requests/s, mean %.3f ms; closed-loop generator"
                            + " %.0f requests/s, mean %.3f ms; ab without -k (a connection per request) %.0f/s,"
                            + " mean %.3f ms%n", keepAlive.requestsPerSec(), keepAlive.timePerRequestMs(),
                    closed.achievedPerSec(), closed.meanMs("cheap"), abClose.result().orElseThrow().requestsPerSec(),
                    abClose.result().orElseThrow().timePerRequestMs());
            assertThat(keepAlive.completeRequests()).isEqualTo(2_000);
            assertThat(keepAlive.failedRequests()).isZero();
            assertThat(keepAlive.requestsPerSec()).isPositive();
            assertThat(closed.completed()).isEqualTo(2_000);
            assertThat(closed.achievedPerSec()).isPositive();
        }
    }

    @Test
    void anAbThatCannotConnectGivesAReasonNotAnException() {
        ApacheBench.Outcome outcome = ApacheBench.run(1, "/cheap", 10, 2, Duration.ofSeconds(10));
        Assumptions.assumeFalse(outcome.reason() != null && outcome.reason().startsWith("ab is not on the PATH"));
        assertThat(outcome.result()).isEmpty();
        assertThat(outcome.reason()).startsWith("ab exited with");
        assertThat(outcome.command()).contains("http://127.0.0.1:1/cheap");
    }
}
