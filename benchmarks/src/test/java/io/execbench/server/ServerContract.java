package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.workload.AluKernel;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What every model promises, whatever runs where: correct answers, keep-alive, pipelining in order, HTTP/1.0 close,
 * refusals that close, and that one bad, slow or vanished client costs only its own connection. One server per
 * model class, shared by its tests (processes start two JVMs); every test closes its own clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class ServerContract {

    static final int HEAVY_UNITS = 10_000;
    /** Short, so that the idle test ends soon; long enough that no other test's back-to-back requests reach it. */
    static final long IDLE_TIMEOUT_MS = 1_000;

    RunningServer server;

    abstract String model();

    static ServerConfig config(String model, int heavyUnits) {
        return new ServerConfig(model, 4, 2, "alu", heavyUnits, ServerConfig.DEFAULT_MAX_HEADER_BYTES,
                IDLE_TIMEOUT_MS, List.of());
    }

    @BeforeAll
    void startServer() throws IOException {
        server = Servers.start(config(model(), HEAVY_UNITS));
    }

    @AfterAll
    void stopServer() {
        List<Long> pids = server.pids();
        server.close();
        if (!pids.equals(List.of(ProcessHandle.current().pid()))) {
            assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("server child %d after close", pid).isEmpty());
        }
    }

    static String heavyBody() {
        return new AluKernel().run(Servers.HEAVY_SEED, HEAVY_UNITS) + "\n";
    }

    @Test
    void answersTheCheapAndTheHeavyRoute() throws IOException {
        try (TestClient client = new TestClient(server.port())) {
            TestClient.Reply cheap = client.call("/cheap");
            assertThat(cheap.status()).isEqualTo(200);
            assertThat(cheap.body()).isEqualTo("cheap\n");

            TestClient.Reply heavy = client.call("/heavy?ignored=query");
            assertThat(heavy.status()).isEqualTo(200);
            assertThat(heavy.body()).as("the kernel's checksum").isEqualTo(heavyBody());
        }
    }

    @Test
    void answersAnUnknownPathWith404AndKeepsTheConnection() throws IOException {
        try (TestClient client = new TestClient(server.port())) {
            assertThat(client.call("/nothing-here").status()).isEqualTo(404);
            assertThat(client.call("/cheap").status()).isEqualTo(200);
        }
    }

    @Test
    void keepsTheConnectionAliveAcrossRequests() throws IOException {
        try (TestClient client = new TestClient(server.port())) {
            for (int i = 0; i < 10; i++) {
                TestClient.Reply reply = client.call(i % 2 == 0 ? "/cheap" : "/heavy");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.header("Connection")).isEqualTo("keep-alive");
                assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length()));
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws IOException {
        try (TestClient client = new TestClient(server.port())) {
            client.send(TestClient.get("/heavy") + TestClient.get("/cheap") + TestClient.get("/missing")
                    + TestClient.get("/heavy") + "GET /cheap HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(client.read().body()).isEqualTo(heavyBody());
            assertThat(client.read().body()).isEqualTo("cheap\n");
            assertThat(client.read().status()).isEqualTo(404);
            assertThat(client.read().body()).isEqualTo(heavyBody());
            TestClient.Reply last = client.read();
            assertThat(last.body()).isEqualTo("cheap\n");
            assertThat(last.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void closesAfterAnHttp10RequestWithoutKeepAliveAsAbSends() throws IOException {
        try (TestClient client = new TestClient(server.port())) {
            TestClient.Reply reply = client.send("GET /heavy HTTP/1.0\r\nHost: x\r\nAccept: */*\r\n\r\n").read();
            assertThat(reply.body()).isEqualTo(heavyBody());
            assertThat(reply.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
        try (TestClient client = new TestClient(server.port())) { // ab -k
            String request = "GET /cheap HTTP/1.0\r\nConnection: Keep-Alive\r\nHost: x\r\n\r\n";
            assertThat(client.send(request).read().header("Connection")).isEqualTo("keep-alive");
            assertThat(client.send(request).read().body()).isEqualTo("cheap\n");
        }
    }

    @Test
    void refusesMalformedRequestsWith400AndCloses() throws IOException {
        for (String request : List.of("GARBAGE\r\n\r\n", "POST /cheap HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /cheap HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n",
                "GET /cheap HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n")) {
            try (TestClient client = new TestClient(server.port())) {
                TestClient.Reply reply = client.send(request).read();
                assertThat(reply.status()).as(request).isEqualTo(400);
                assertThat(reply.header("Connection")).isEqualTo("close");
                assertThat(client.closedByServer()).as(request).isTrue();
            }
        }
    }

    @Test
    void refusesAnOversizedHeaderWith431AndCloses() throws IOException {
        String header = "X-Big: " + "a".repeat(ServerConfig.DEFAULT_MAX_HEADER_BYTES) + "\r\n";
        try (TestClient client = new TestClient(server.port())) {
            TestClient.Reply reply = client.send("GET /cheap HTTP/1.1\r\nHost: x\r\n" + header + "\r\n").read();
            assertThat(reply.status()).isEqualTo(431);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void refusesAChunkedBodyAndSkipsALengthOne() throws IOException {
        try (TestClient client = new TestClient(server.port())) {
            client.send("GET /cheap HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" + TestClient.get("/cheap"));
            assertThat(client.read().body()).isEqualTo("cheap\n");
            assertThat(client.read().body()).as("the body was skipped, not parsed").isEqualTo("cheap\n");
        }
        try (TestClient client = new TestClient(server.port())) {
            client.send("GET /cheap HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(411);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientLeavingMidRequestCostsOnlyItsConnection() throws IOException {
        for (boolean reset : new boolean[] {false, true}) {
            TestClient leaver = new TestClient(server.port());
            leaver.send("GET /che");
            if (reset) {
                leaver.socket.setSoLinger(true, 0); // close sends RST instead of FIN
            }
            leaver.close();
            try (TestClient other = new TestClient(server.port())) {
                assertThat(other.call("/cheap").body()).isEqualTo("cheap\n");
            }
        }
    }

    @Test
    void aClientThatNeverReadsDoesNotBlockAnother() throws Exception {
        try (SocketChannel hog = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()))) {
            fillUntilTheServerStopsReading(hog);
            try (TestClient other = new TestClient(server.port())) {
                assertThat(other.call("/cheap").body()).isEqualTo("cheap\n");
                assertThat(other.call("/heavy").body()).isEqualTo(heavyBody());
            }
            hog.socket().setSoLinger(true, 0);
        }
        try (TestClient after = new TestClient(server.port())) {
            assertThat(after.call("/cheap").status()).as("served after the hog left").isEqualTo(200);
        }
    }

    /**
     * Pipelines requests without reading any answer until the socket takes nothing for a while: the answers fill
     * both socket buffers, and the server has stopped reading this connection (or is blocked writing to it).
     */
    private static void fillUntilTheServerStopsReading(SocketChannel hog) throws Exception {
        hog.configureBlocking(false);
        byte[] requests = TestClient.get("/cheap").repeat(1000).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.wrap(requests);
        int stalledRounds = 0;
        long sent = 0;
        while (stalledRounds < 50 && sent < (256L << 20)) {
            if (!buffer.hasRemaining()) {
                buffer.rewind();
            }
            int n = hog.write(buffer);
            sent += n;
            if (n == 0) {
                stalledRounds++;
                TimeUnit.MILLISECONDS.sleep(2);
            } else {
                stalledRounds = 0;
            }
        }
        assertThat(stalledRounds).as("the hog's socket filled up (sent %d bytes)", sent).isEqualTo(50);
    }

    @Test
    void closesAConnectionIdlePastTheLimit() throws IOException {
        try (TestClient idle = new TestClient(server.port()); TestClient stalled = new TestClient(server.port())) {
            assertThat(idle.call("/cheap").status()).isEqualTo(200);
            stalled.send("GET /cheap HTTP/1.1\r\n"); // and nothing more: a stalled request
            assertThat(idle.closedByServer()).as("idle keep-alive closed after %d ms", IDLE_TIMEOUT_MS).isTrue();
            assertThat(stalled.closedByServer()).as("stalled request closed").isTrue();
        }
    }

    @Test
    void curlFetchesTheCheapRoute() throws Exception {
        Assumptions.assumeTrue(onPath("curl"), "curl is not on the PATH");
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "20",
                "http://127.0.0.1:" + server.port() + "/cheap", "http://127.0.0.1:" + server.port() + "/heavy")
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("cheap\n" + heavyBody()); // two URLs: one connection, reused
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @Test
    void namesItsProcesses() {
        assertThat(server.pids()).isNotEmpty().doesNotHaveDuplicates();
    }
}
