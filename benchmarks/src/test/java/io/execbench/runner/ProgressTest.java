package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

class ProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static PlannedBenchmark benchmark(String method) {
        return new PlannedBenchmark("io.execbench.workload.KernelBenchmark." + method, Mode.AverageTime,
                new LinkedHashMap<>());
    }

    @Test
    void printsDoneTotalElapsedAndTimeLeftOnePlainLineEach() {
        Progress progress = new Progress(out, nanos::get, Duration.ofSeconds(10), 3);
        progress.started(benchmark("baseline"));
        nanos.addAndGet(Duration.ofSeconds(20).toNanos()); // twice the budget: the estimate must double
        progress.succeeded("1.5 ± 0.1 ns/op");
        progress.started(benchmark("run"));
        progress.failed("# Warmup Iteration   1: <failure>\n\njava.lang.IllegalStateException: boom\n\tat x");

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        assertThat(text.lines()).containsExactly(
                "[1/3] KernelBenchmark.baseline | elapsed 0:00 | left ~0:30",
                "[1/3] done: 1.5 ± 0.1 ns/op",
                "[2/3] KernelBenchmark.run | elapsed 0:20 | left ~0:40",
                "[2/3] FAILED: java.lang.IllegalStateException: boom");
    }

    @Test
    void formatsDurations() {
        assertThat(Progress.format(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(Progress.format(Duration.ofSeconds(242))).isEqualTo("4:02");
        assertThat(Progress.format(Duration.ofSeconds(3909))).isEqualTo("1:05:09");
    }
}
