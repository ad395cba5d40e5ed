package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import io.execbench.runner.AutoParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs each IPC benchmark method for milliseconds on a few configurations: they run, and their per-iteration
 * verification passes. Sizes are cut to small payloads (the large ones only take longer; the contract tests cover
 * 1 MiB). In-process (no fork) to keep the build short: the transports still start their peer JVMs.
 */
class IpcBenchmarkSmokeTest {

    @BeforeAll
    static void shareTheJmhLock() {
        System.setProperty("jmh.ignoreLock", "true"); // other builds may be running JMH on this machine
        System.setProperty(AutoParams.PROFILE_PROPERTY, "test"); // SteadyWarmup's budget: milliseconds
    }

    @AfterAll
    static void noProfile() {
        System.clearProperty(AutoParams.PROFILE_PROPERTY); // the other test classes of this JVM see none
    }

    private static Collection<RunResult> run(String method, String param, String... values) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(method + "$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(20))
                .param(param, values)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        return new Runner(options.build()).run();
    }

    @Test
    void roundTripRunsOnEveryTransport() throws Exception {
        Collection<RunResult> results = run(IpcRoundTripBenchmark.class.getName() + ".roundTrip", "payloadBytes",
                "64");
        assertThat(results).hasSize(Transports.NAMES.size());
        results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void streamAndItsMemcpyBaselineReportBytesPerSecond() throws Exception {
        Collection<RunResult> results = run(IpcStreamBenchmark.class.getName() + ".(stream|memcpyBaseline)",
                "payloadBytes", "1048576");
        assertThat(results).hasSize(Transports.NAMES.size() + 1);
        results.forEach(r -> assertThat(r.getSecondaryResults().get("bytes").getScore()).isPositive());
    }

    @Test
    void rawAndJsonRunOnBothTransports() throws Exception {
        Collection<RunResult> results = run(IpcMessageFormatBenchmark.class.getName() + ".(raw|json)",
                "payloadBytes", "1024");
        assertThat(results).hasSize(4);
    }
}
