package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.harness.ReportResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server/*.json as untrusted input: read exactly when well formed; a bad file is left out with one sentence. */
class ServerReadingsTest {

    static final String VALID = """
            { "schema": 1, "model": "loopOffload", "label": "loopOffload-4", "poolSize": 4, "processes": 1,
              "heavyKernel": "alu", "heavyWorkUnits": 123456, "heavyMs": 10.1, "connections": 20,
              "serverCpus": [1], "generatorCpus": [0], "pinned": true, "p99BoundMs": 100.0,
              "steps": [
                { "heavyShare": 0.01, "offeredPerSec": 1000.0, "achievedPerSec": 998.2, "measuredMs": 1000.0,
                  "completed": 1000, "errors": 0, "timeouts": 0, "generatorCpuMs": 120.5,
                  "routes": { "cheap": { "count": 990, "meanUs": 45.0, "p50Us": 40.1, "p90Us": 60.0, "p99Us": 80.2,
                                         "p999Us": 300.0, "maxUs": 512.0, "intervalP99Us": [78.0, 82.0, 79.5] },
                              "heavy": { "count": 10, "meanUs": 10100.0, "p50Us": 10050.0, "p90Us": 10400.0,
                                         "p99Us": 10900.0, "p999Us": 10900.0, "maxUs": 10900.0,
                                         "intervalP99Us": [10900.0] } },
                  "loopLag": { "count": 1000, "p50Us": 60.0, "p99Us": 900.0, "p999Us": 10100.0, "maxUs": 10200.0 },
                  "hlog": "server-loopOffload-4-h1@1000.hlog" } ],
              "capacity": { "heavyShare": 1.0, "connections": 20, "requestsPerSec": 158.86, "measuredMs": 1114.19,
                            "completed": 177, "errors": 0, "timeouts": 0,
                            "intervalPerSec": [96.0, 184.0, 176.0, 172.0] },
              "notes": ["generator and server share CPU 0-1"] }
            """;

    @TempDir
    Path run;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(Files.createDirectories(run.resolve("server")).resolve(name), content);
    }

    @Test
    void readsEveryFieldOfASweepExactly() throws Exception {
        write("loopOffload-4.json", VALID);

        ServerReadings readings = ServerReadings.read(run);

        assertThat(readings.warnings()).isEmpty();
        ServerRun sweep = readings.runs().getFirst();
        assertThat(sweep.model()).isEqualTo("loopOffload");
        assertThat(sweep.poolSize()).isEqualTo(4);
        assertThat(sweep.heavyMs()).isEqualTo(10.1);
        assertThat(sweep.serverCpus()).containsExactly(1);
        assertThat(sweep.notes()).containsExactly("generator and server share CPU 0-1");
        ServerRun.Step step = sweep.steps().getFirst();
        assertThat(step.heavyShare()).isEqualTo(0.01);
        assertThat(step.generatorCpuMs()).isEqualTo(120.5);
        assertThat(step.cheap()).isEqualTo(new ServerRun.Route(990, 45.0, 40.1, 60.0, 80.2, 300.0, 512.0,
                List.of(78.0, 82.0, 79.5)));
        assertThat(step.routes()).containsOnlyKeys("cheap", "heavy");
        assertThat(step.loopLag()).isEqualTo(new ServerRun.LoopLag(1000, 60.0, 900.0, 10100.0, 10200.0));
        assertThat(step.hlog()).isEqualTo("server-loopOffload-4-h1@1000.hlog");
        assertThat(sweep.capacity()).isEqualTo(new ServerRun.Capacity(1.0, 20, 158.86, 1114.19, 177, 0, 0,
                List.of(96.0, 184.0, 176.0, 172.0)));
        assertThat(readings.ab()).isEmpty();
    }

    @Test
    void anAbsentOrNullCapacityIsNoneAndAnEmptyIntervalListIsNoInterval() throws Exception {
        String capacity = VALID.substring(VALID.indexOf("\"capacity\""), VALID.indexOf("\"notes\""));
        Path absent = write("loopOffload-4.json", VALID.replace(capacity, ""));
        assertThat(ServerLogReader.readRun(absent).capacity()).isNull();
        Path nulled = write("loopOffload-4.json", VALID.replace(capacity, "\"capacity\": null, "));
        assertThat(ServerLogReader.readRun(nulled).capacity()).isNull();
        Path noIntervals = write("loopOffload-4.json", VALID.replace("[96.0, 184.0, 176.0, 172.0]", "null"));
        assertThat(ServerLogReader.readRun(noIntervals).capacity().intervalPerSec()).isEmpty();
    }

    @Test
    void aHostileCapacityIsRefusedNamingTheField() throws Exception {
        String huge = "[" + "1.0, ".repeat(ServerLogReader.MAX_INTERVALS) + "1.0]";
        String[][] cases = {
                {VALID.replace("\"capacity\": {", "\"capacity\": [1], \"x\": {"), "capacity must be an object"},
                {VALID.replace("\"capacity\": {", "\"capacity\": \"fast\", \"x\": {"),
                        "capacity must be an object"},
                {VALID.replace("\"heavyShare\": 1.0", "\"heavyShare\": 1.5"), "capacity.heavyShare must be"},
                {VALID.replace("\"connections\": 20, \"requestsPerSec\"", "\"connections\": 0, \"requestsPerSec\""),
                        "capacity.connections must be a whole number from 1"},
                {VALID.replace("\"connections\": 20, \"requestsPerSec\"", "\"connections\": \"20\", "
                        + "\"requestsPerSec\""), "capacity.connections must be a whole number"},
                {VALID.replace("\"requestsPerSec\": 158.86", "\"requestsPerSec\": \"NaN\""),
                        "capacity.requestsPerSec must be a finite number"},
                {VALID.replace("\"requestsPerSec\": 158.86", "\"requestsPerSec\": -158.86"),
                        "capacity.requestsPerSec must be a finite number from 0"},
                {VALID.replace("\"requestsPerSec\": 158.86", "\"requestsPerSec\": 1e400"),
                        "capacity.requestsPerSec"},
                {VALID.replace("\"measuredMs\": 1114.19", "\"measuredMs\": \"Infinity\""),
                        "capacity.measuredMs must be a finite number"},
                {VALID.replace("\"completed\": 177", "\"completed\": 177.5"), "capacity.completed must be a whole"},
                {VALID.replace("\"completed\": 177, \"errors\": 0", "\"completed\": 177, \"errors\": -1"),
                        "capacity.errors must be a whole number from 0"},
                {VALID.replace("\"completed\": 177, \"errors\": 0, \"timeouts\": 0",
                        "\"completed\": 177, \"errors\": 0, \"timeouts\": true"), "capacity.timeouts must be a whole"},
                {VALID.replace("[96.0, 184.0, 176.0, 172.0]", "[96.0, \"NaN\"]"),
                        "capacity.intervalPerSec[1] must be a number of requests per second, at least 0"},
                {VALID.replace("[96.0, 184.0, 176.0, 172.0]", "[96.0, 184.0, -1]"), "capacity.intervalPerSec[2]"},
                {VALID.replace("[96.0, 184.0, 176.0, 172.0]", "{\"0\": 96.0}"),
                        "capacity.intervalPerSec must be an array"},
                {VALID.replace("[96.0, 184.0, 176.0, 172.0]", huge), "capacity.intervalPerSec holds 100001 entries, "
                        + "more than 100000"},
        };
        for (String[] c : cases) {
            Path bad = write("loopOffload-4.json", c[0]);

            ServerReadings readings = ServerReadings.read(run);

            assertThat(readings.runs()).as(c[1]).isEmpty();
            assertThat(readings.warnings()).as(c[1]).singleElement().asString()
                    .startsWith("server/loopOffload-4.json: ").contains(c[1]);
            assertThatThrownBy(() -> ServerLogReader.readRun(bad)).as(c[1]).isInstanceOf(RunReadException.class);
        }
    }

    @Test
    void aP99IntervalIsReadWhenBothEndsAreThereAndRefusedHalfGiven() throws Exception {
        String withInterval = VALID.replace("\"p99Us\": 80.2,", "\"p99Us\": 80.2, \"p99LowUs\": 70.5, \"p99HighUs\": 95.0,")
                .replace("\"intervalPerSec\": [96.0, 184.0, 176.0, 172.0] }",
                        "\"intervalPerSec\": [96.0, 184.0, 176.0, 172.0], \"intervalMs\": 100 }");
        write("loopOffload-4.json", withInterval);

        ServerRun sweep = ServerReadings.read(run).runs().getFirst();

        ServerRun.Route cheap = sweep.steps().getFirst().cheap();
        assertThat(cheap.hasP99Interval()).isTrue();
        assertThat(cheap.p99LowUs()).isEqualTo(70.5);
        assertThat(cheap.p99HighUs()).isEqualTo(95.0);
        assertThat(sweep.steps().getFirst().routes().get("heavy").hasP99Interval()).isFalse();
        assertThat(sweep.capacity().intervalMs()).isEqualTo(100);

        for (String[] c : new String[][] {
                {VALID.replace("\"p99Us\": 80.2,", "\"p99Us\": 80.2, \"p99LowUs\": 70.5,"), "p99HighUs"},
                {VALID.replace("\"p99Us\": 80.2,", "\"p99Us\": 80.2, \"p99LowUs\": -1, \"p99HighUs\": 95.0,"),
                        "p99LowUs"},
                {withInterval.replace("\"intervalMs\": 100", "\"intervalMs\": 0"), "capacity.intervalMs"}}) {
            write("loopOffload-4.json", c[0]);
            assertThat(ServerReadings.read(run).warnings()).as(c[1]).singleElement().asString().contains(c[1]);
        }
    }

    @Test
    void theFixtureHasSevenConfigurationsAndAnAbCheck() {
        ServerReadings readings = ServerReadings.read(ReportResources.path("server"));

        assertThat(readings.warnings()).isEmpty();
        assertThat(readings.runs()).extracting(ServerRun::label).containsExactly("eventLoop", "loopOffload-2",
                "loopOffload-4", "processes-1", "processes-2", "threadPool", "virtual");
        assertThat(readings.runs().getFirst().steps().getFirst().loopLag()).isNotNull();
        assertThat(readings.runs().get(5).steps().getFirst().loopLag()).isNull(); // threadPool
        AbCheck ab = readings.ab().orElseThrow();
        assertThat(ab.available()).isTrue();
        assertThat(ab.ab().requestsPerSec()).isEqualTo(8420.5);
        assertThat(ab.ab().percentilesMs()).containsEntry("99", 6.0).hasSize(9);
        assertThat(ab.openLoop().percentilesMs()).containsEntry("99.9", 38.5);
    }

    @Test
    void theNamedLogsAreReadAndAnAbsentOneIsNoProblem() {
        Path dir = ReportResources.path("server");
        ServerReadings.ServerLogs logs = ServerReadings.read(dir).readLogs(dir);

        assertThat(logs.warnings()).isEmpty();
        assertThat(logs.logs()).hasSize(18).doesNotContainKey("server-threadPool-h1@1500.hlog");
        LatencyLog eventLoop = logs.logs().get("server-eventLoop-h1@1500.hlog");
        assertThat(eventLoop.series()).extracting(LatencyLog.Tagged::tag).containsExactly("cheap", "heavy");
        assertThat(eventLoop.series().getFirst().intervals()).isEqualTo(8);
    }

    @Test
    void eachMalformedFileIsLeftOutWithOneSentenceNamingItAndTheField() throws Exception {
        String[][] cases = {
                {"{not json", "malformed JSON"},
                {"{\"schema\": 1, \"model\": \"eventLoop\"", "truncated JSON"},
                {"[]", "expected a JSON object"},
                {VALID.replace("\"schema\": 1", "\"schema\": 2"), "schema must be 1"},
                {VALID.replace("\"schema\": 1", "\"schema\": \"1\""), "schema must be 1"},
                {VALID.replace("\"label\": \"loopOffload-4\"", "\"label\": \"other\""), "is not the file's name"},
                {VALID.replace("\"model\": \"loopOffload\"", "\"model\": \"<script>\""), "model must be a name"},
                {VALID.replace("\"heavyShare\": 0.01", "\"heavyShare\": 1.5"), "steps[0].heavyShare must be"},
                {VALID.replace("\"offeredPerSec\": 1000.0", "\"offeredPerSec\": -1"), "steps[0].offeredPerSec"},
                {VALID.replace("\"achievedPerSec\": 998.2", "\"achievedPerSec\": \"fast\""),
                        "steps[0].achievedPerSec must be a finite number"},
                {VALID.replace("\"achievedPerSec\": 998.2", "\"achievedPerSec\": 1e400"), "achievedPerSec"},
                {VALID.replace("\"completed\": 1000", "\"completed\": 10.5"), "steps[0].completed must be a whole"},
                {VALID.replace("\"errors\": 0", "\"errors\": -1"), "steps[0].errors must be a whole number from 0"},
                {VALID.replace("\"p99Us\": 80.2", "\"p99Us\": null"), "steps[0].routes.cheap.p99Us"},
                {VALID.replace("[78.0, 82.0, 79.5]", "[78.0, \"x\"]"), "steps[0].routes.cheap.intervalP99Us[1]"},
                {VALID.replace("\"cheap\": {", "\"<b>\": {"), "a route whose name is not letters"},
                {VALID.replace("\"hlog\": \"server-loopOffload-4-h1@1000.hlog\"", "\"hlog\": \"../../etc/passwd\""),
                        "steps[0].hlog must be a file name in latency/"},
                {VALID.replace("\"loopLag\": {", "\"loopLag\": [1], \"x\": {"), "steps[0].loopLag must be an object"},
                {VALID.replace("\"serverCpus\": [1]", "\"serverCpus\": [-1]"), "serverCpus[0] must be a CPU"},
                {VALID.replace("\"pinned\": true", "\"pinned\": \"yes\""), "pinned must be true or false"},
                {VALID.replace("\"p99BoundMs\": 100.0", "\"p99BoundMs\": 0"), "p99BoundMs must be above 0"},
                {VALID.replace("\"steps\": [", "\"steps\": 5, \"x\": ["), "steps must be an array"},
                {VALID.replace("\"notes\": [\"generator and server share CPU 0-1\"]",
                        "\"notes\": [\"" + "x".repeat(501) + "\"]"), "notes[0] must be a text of at most 500"},
        };
        for (String[] c : cases) {
            write("eventLoop.json", VALID.replace("loopOffload-4", "eventLoop"));
            Path bad = write("loopOffload-4.json", c[0]);

            ServerReadings readings = ServerReadings.read(run);

            assertThat(readings.runs()).as(c[1]).extracting(ServerRun::label).containsExactly("eventLoop");
            assertThat(readings.warnings()).as(c[1]).singleElement().satisfies(w -> {
                assertThat(w).startsWith("server/loopOffload-4.json: ").contains(c[1]).doesNotContain("\n")
                        .doesNotContain(run.toString());
            });
            assertThatThrownBy(() -> ServerLogReader.readRun(bad)).as(c[1]).isInstanceOf(RunReadException.class)
                    .hasMessageStartingWith(bad + ": ");
        }
    }

    @Test
    void anAbCheckIsReadWhetherOrNotAbRanAndRefusedWhenMalformed() throws Exception {
        write("ab.json", "{\"schema\":1,\"available\":false,\"reason\":\"ab (apache2-utils) not on the PATH\"}");
        AbCheck missing = ServerReadings.read(run).ab().orElseThrow();
        assertThat(missing.available()).isFalse();
        assertThat(missing.reason()).isEqualTo("ab (apache2-utils) not on the PATH");

        String ab = Files.readString(ReportResources.path("server/server/ab.json"));
        String[][] cases = {
                {ab.replace("\"99\": 6", "\"<99>\": 6"), "ab.percentilesMs has a key that is not a percentile"},
                {ab.replace("\"99\": 6", "\"101\": 6"), "ab.percentilesMs has a key that is not a percentile"},
                {ab.replace("\"99.9\": 38.5", "\"99.9\": -1"), "openLoop.percentilesMs.99.9 must be"},
                {ab.replace("\"label\": \"eventLoop\"", "\"label\": \"a b\""), "label must be 1 to 64"},
                {ab.replace("\"available\": true", "\"available\": \"true\""), "available must be true or false"},
                {ab.replace("\"concurrency\": 20", "\"concurrency\": 0"), "concurrency must be a whole number"},
                {withHeavy(ab).replace("\"requests\": 200", "\"requests\": 0"), "heavy.requests must be"},
                {withHeavy(ab).replace("\"meanMs\": 230.5", "\"meanMs\": \"slow\""), "heavy.ab.meanMs must be"},
                {withHeavy(ab).replace("\"heavy\": {", "\"heavy\": [], \"x\": {"), "heavy must be an object"},
        };
        for (String[] c : cases) {
            write("ab.json", c[0]);
            ServerReadings readings = ServerReadings.read(run);
            assertThat(readings.ab()).as(c[1]).isEmpty();
            assertThat(readings.warnings()).as(c[1]).singleElement().asString()
                    .startsWith("server/ab.json: ").contains(c[1]);
        }
    }

    @Test
    void theHeavyRouteAndTheNoKeepAliveRunAreReadWhenThere() throws Exception {
        String ab = Files.readString(ReportResources.path("server/server/ab.json"));
        write("ab.json", withHeavy(ab));

        AbCheck check = ServerReadings.read(run).ab().orElseThrow();

        assertThat(check.heavy().requests()).isEqualTo(200);
        assertThat(check.heavy().ab().meanMs()).isEqualTo(230.5);
        assertThat(check.heavy().closedLoop().requestsPerSec()).isEqualTo(88.0);
        assertThat(check.noKeepAlive().requestsPerSec()).isEqualTo(9321.9);
        write("ab.json", ab);
        assertThat(ServerReadings.read(run).ab().orElseThrow().heavy()).isNull();
    }

    private static String withHeavy(String ab) {
        String abFields = "{ \"requestsPerSec\": %s, \"meanMs\": %s, \"meanAcrossMs\": 2.6, \"failed\": 0, "
                + "\"non2xx\": 0, \"percentilesMs\": { \"50\": 220, \"99\": 260, \"100\": 270 } }";
        return ab.replaceFirst("\\{", "{ \"heavy\": { \"requests\": 200, \"ab\": " + abFields.formatted("86.8", "230.5")
                + ", \"closedLoop\": { \"requestsPerSec\": 88.0, \"meanMs\": 226.0 } }, \"abNoKeepAlive\": "
                + abFields.formatted("9321.9", "2.145") + ",");
    }

    @Test
    void linksLargeFilesAndAFolderInPlaceOfTheFolderAreWarningsNotFailures() throws Exception {
        Path target = Files.writeString(run.resolve("elsewhere.json"), VALID);
        Path server = Files.createDirectories(run.resolve("server"));
        Files.createSymbolicLink(server.resolve("loopOffload-4.json"), target);
        Files.writeString(server.resolve("big.json"), " ".repeat((int) InputFiles.SMALL_JSON_MAX_BYTES + 1));
        Files.writeString(server.resolve(".eventLoop.json.tmp.json"), "{"); // a writer's temporary file

        ServerReadings readings = ServerReadings.read(run);

        assertThat(readings.runs()).isEmpty();
        assertThat(readings.warnings()).containsExactly(
                "server/big.json: is 4.0 MiB, more than the 4.0 MiB a results file may hold (left out)",
                "server/loopOffload-4.json: not a regular file (a symbolic link; links are not followed) (left out)");

        Path other = Files.createDirectories(run.resolve("x"));
        Path linkedRun = Files.createDirectories(run.resolve("linked"));
        Files.createSymbolicLink(linkedRun.resolve("server"), other);
        assertThat(ServerReadings.read(linkedRun).warnings()).singleElement().asString()
                .startsWith("server: is a symbolic link");
    }

    @Test
    void aBrokenNamedLogIsAWarningAndTheOthersAreRead() throws Exception {
        write("loopOffload-4.json", VALID);
        Path latency = Files.createDirectories(run.resolve("latency"));
        Files.writeString(latency.resolve("server-loopOffload-4-h1@1000.hlog"), "Tag=cheap,0,1,1,notbase64!!\n");

        ServerReadings readings = ServerReadings.read(run);
        ServerReadings.ServerLogs logs = readings.readLogs(run);

        assertThat(logs.logs()).isEmpty();
        assertThat(logs.warnings()).singleElement().asString()
                .startsWith("latency/server-loopOffload-4-h1@1000.hlog: interval 1 is not a valid histogram line");
        assertThat(LatencyLogReader.readAll(run)).as("server step logs are not latency charts").isEmpty();
    }

    @Test
    void aRunWithoutAServerFolderHasNoServerReadings() throws Exception {
        assertThat(ServerReadings.read(run)).isEqualTo(ServerReadings.NONE);
        assertThat(RunReader.read(ReportResources.path("server")).server().runs()).hasSize(7);
    }
}
