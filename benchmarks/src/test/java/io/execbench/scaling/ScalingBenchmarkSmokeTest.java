package io.execbench.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.latency.IntervalLog;
import io.execbench.runner.Profile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs every ScalingBenchmark configuration this machine plans, for milliseconds: it runs and checksums. */
class ScalingBenchmarkSmokeTest {

    @BeforeAll
    static void shareTheJmhLock() {
        System.setProperty("jmh.ignoreLock", "true"); // other builds may be running JMH on this machine
    }

    @Test
    void everyPlannedPlacementAndKernelRunsOversubscribedAndInline(@TempDir Path latency) throws Exception {
        List<String> placements = new ScalingBenchmark().values("placement", Profile.TEST);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ScalingBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10))
                // 3 threads: more than this machine's CPUs, so pinned workers share CPUs (the order wraps).
                .param("threads", "3")
                .param("placement", placements.toArray(String[]::new))
                .jvmArgsAppend("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                        "-D" + IntervalLog.DIR_PROPERTY + "=" + latency)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();

        Map<String, Long> runsByMethod = results.stream().collect(Collectors.groupingBy(
                r -> r.getParams().getBenchmark().replaceFirst(".*\\.", ""), Collectors.counting()));
        assertThat(runsByMethod).containsEntry("baseline", 3L).containsEntry("parallel", 3L * placements.size());
        for (RunResult result : results) {
            assertThat(result.getSecondaryResults()).containsKey("workUnits");
            assertThat(result.getSecondaryResults().get("workUnits").getScore()).isPositive();
        }

        // One chunk-latency log per parallel trial (the fork's), one measurement interval tagged with the threads.
        List<Path> logs;
        try (Stream<Path> files = Files.list(latency)) {
            logs = files.sorted().toList();
        }
        assertThat(logs).hasSize(3 * placements.size()).allSatisfy(log -> {
            assertThat(log.getFileName().toString()).matches("scaling-(alu|fp|memory)-[a-z]+@t0003-\\d+\\.hlog");
            try (InputStream in = Files.newInputStream(log)) {
                HistogramLogReader reader = new HistogramLogReader(in);
                Histogram interval = (Histogram) reader.nextIntervalHistogram();
                assertThat(interval.getTag()).isEqualTo("threads=3");
                assertThat(interval.getTotalCount()).isPositive();
                assertThat(interval.getMinValue()).isPositive();
                assertThat(reader.nextIntervalHistogram()).isNull();
            }
        });
    }
}
