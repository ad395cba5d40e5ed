package io.execbench.harness.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.TrackedResults;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.read.Run;
import io.execbench.harness.stats.Direction;
import io.execbench.harness.stats.Units;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Lays a run out in the formats that existing benchmark trackers read, so that a project with a tracker can feed
 * it execbench's numbers. Names keep the {@code @Param} values and the mode, e.g.
 * {@code io.execbench.workload.KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt)}.
 * <ul>
 *   <li>github-action-benchmark's custom tools: an array of {@code {name, unit, value, range, extra}}; the direction
 *       is per file, so there is one file for {@code customBiggerIsBetter} (throughput) and one for
 *       {@code customSmallerIsBetter} (time per operation). {@code range} is JMH's {@code ± error}.</li>
 *   <li>Bencher Metric Format: {@code {name: {measure: {value, lower_value, upper_value}}}}, with times in
 *       nanoseconds under Bencher's built-in {@code latency} measure and throughputs in operations per second under
 *       {@code throughput}; the bounds are JMH's 99.9% interval. Other units keep their own measure name.</li>
 * </ul>
 * Benchmarks without a score (NaN) are left out.
 */
public final class TrackerExport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrackerExport() {
    }

    /** github-action-benchmark's custom JSON for the benchmarks of {@code run} that go {@code direction}. */
    public static String githubActionBenchmark(Run run, Direction direction) {
        ArrayNode array = MAPPER.createArrayNode();
        for (BenchmarkResult result : TrackedResults.of(run)) {
            Metric metric = result.primaryMetric();
            if (Direction.of(result.mode(), metric.scoreUnit()) != direction || !Double.isFinite(metric.score())) {
                continue;
            }
            ObjectNode entry = array.addObject();
            entry.put("name", BenchmarkKey.of(result).fullLabel());
            entry.put("unit", metric.scoreUnit());
            entry.put("value", metric.score());
            if (Double.isFinite(metric.scoreError())) {
                entry.put("range", String.format(Locale.ROOT, "± %s", metric.scoreError()));
            }
            entry.put("extra", "forks: " + metric.forkCount() + ", samples: " + metric.sampleCount() + ", run: "
                    + run.id());
        }
        return text(array);
    }

    /** Bencher Metric Format for every benchmark of {@code run}. */
    public static String bencher(Run run) {
        ObjectNode root = MAPPER.createObjectNode();
        for (BenchmarkResult result : TrackedResults.of(run)) {
            Metric metric = result.primaryMetric();
            if (!Double.isFinite(metric.score())) {
                continue;
            }
            String measure;
            double factor;
            OptionalDouble toNs = Units.factor(metric.scoreUnit(), "ns/op");
            OptionalDouble toOpsPerSecond = Units.factor(metric.scoreUnit(), "ops/s");
            if (toNs.isPresent()) {
                measure = "latency";
                factor = toNs.getAsDouble();
            } else if (toOpsPerSecond.isPresent()) {
                measure = "throughput";
                factor = toOpsPerSecond.getAsDouble();
            } else {
                measure = metric.scoreUnit();
                factor = 1;
            }
            ObjectNode value = root.putObject(BenchmarkKey.of(result).fullLabel()).putObject(measure);
            value.put("value", metric.score() * factor);
            if (Double.isFinite(metric.scoreConfidence().low()) && Double.isFinite(metric.scoreConfidence().high())) {
                value.put("lower_value", metric.scoreConfidence().low() * factor);
                value.put("upper_value", metric.scoreConfidence().high() * factor);
            }
        }
        return text(root);
    }

    private static String text(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
