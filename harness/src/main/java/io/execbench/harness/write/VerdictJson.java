package io.execbench.harness.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.MachineDrift;
import io.execbench.harness.compare.MetricComparison;
import io.execbench.harness.stats.Estimate;
import java.io.UncheckedIOException;

/**
 * Lays a {@link Comparison} out as {@code verdict.json} (format version {@value #FORMAT_VERSION}, described in
 * {@code results/README.md}). Numbers that do not exist (NaN, an interval that could not be estimated) are written
 * as {@code null}, since JSON has no NaN.
 */
public final class VerdictJson {

    /** The version of the verdict.json layout. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerdictJson() {
    }

    /** The file's text. */
    public static String render(Comparison comparison) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("run", comparison.currentId());
        root.put("baseline", comparison.baselineId());
        root.put("baselineChoice", comparison.baselineChoice());
        root.put("comparable", comparison.notComparable() == null);
        root.put("notComparableReason", comparison.notComparable());
        root.put("regression", !comparison.regressions().isEmpty());
        settings(root.putObject("settings"), comparison);
        machineDrift(root.putObject("machineDrift"), comparison.machineDrift());
        ObjectNode counts = root.putObject("counts");
        comparison.counts().forEach((verdict, count) -> counts.put(verdict.label(), count));
        ArrayNode benchmarks = root.putArray("benchmarks");
        comparison.benchmarks().forEach(b -> benchmark(benchmarks.addObject(), b));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain values always serialises
        }
    }

    private static void settings(ObjectNode node, Comparison comparison) {
        ComparisonSettings settings = comparison.settings();
        node.put("test", comparison.test());
        node.put("alpha", settings.alpha());
        node.put("minEffect", settings.minEffect());
        node.put("confidence", settings.confidence());
        node.put("bootstrapResamples", settings.resamples());
        node.put("percentileResamples", settings.percentileResamples());
        node.put("seed", settings.seed());
        node.put("noiseModel", comparison.noiseModel());
    }

    private static void machineDrift(ObjectNode node, MachineDrift drift) {
        node.put("canary", drift.hasCanary());
        node.put("magnitude", drift.magnitude());
        node.put("perIteration", drift.perIteration());
        node.put("summary", drift.describe());
        ArrayNode probes = node.putArray("probes");
        for (MachineDrift.ProbeChange change : drift.probes()) {
            ObjectNode probe = probes.addObject();
            probe.put("probe", change.probe());
            probe.put("unit", change.unit());
            probe.put("baseline", change.baseline());
            probe.put("current", change.current());
            probe.put("ratio", change.ratio());
            probe.put("pValue", change.pValue());
            probe.put("counted", change.counted());
        }
    }

    private static void benchmark(ObjectNode node, BenchmarkComparison comparison) {
        node.put("name", comparison.key().label());
        node.put("benchmark", comparison.key().benchmark());
        node.put("mode", comparison.key().mode());
        ObjectNode params = node.putObject("params");
        comparison.key().params().forEach(params::put);
        node.put("unit", comparison.unit());
        node.put("better", comparison.direction().label());
        node.put("verdict", comparison.verdict().label());
        node.put("reason", comparison.reason());
        ArrayNode metrics = node.putArray("metrics");
        comparison.metrics().forEach(m -> metric(metrics.addObject(), m));
    }

    private static void metric(ObjectNode node, MetricComparison metric) {
        node.put("metric", metric.metric());
        number(node, "baseline", metric.baseline());
        number(node, "current", metric.current());
        node.put("baselineSamples", metric.baselineSamples());
        node.put("currentSamples", metric.currentSamples());
        Estimate ratio = metric.ratio();
        number(node, "ratio", ratio.value());
        number(node, "ratioLow", ratio.low());
        number(node, "ratioHigh", ratio.high());
        number(node, "pValue", metric.pValue());
        number(node, "threshold", metric.threshold());
        node.put("verdict", metric.verdict().label());
        node.put("reason", metric.reason());
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
