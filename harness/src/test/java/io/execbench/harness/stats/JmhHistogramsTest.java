package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.harness.ReportResources;
import io.execbench.harness.analyse.LatencySummary;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.JmhJsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * SampleTime conversion on real JMH output ({@code report/models/jmh.json}: ModelBench.task, 2 forks x 2
 * iterations, us/op). Expected values come from HdrHistogram itself, fed the file's bins directly, and are also
 * pinned as numbers so a change in conversion shows up as a diff.
 */
class JmhHistogramsTest {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    @Test
    void perForkAndMergedPercentilesEqualHdrHistogramsOwnOnTheSameBins() throws Exception {
        for (BenchmarkResult result : sampleTimeResults()) {
            List<Histogram> expectedForks = forksFromJson(result.params().get("model"));
            List<Histogram> forks = JmhHistograms.perFork(result.primaryMetric());
            assertThat(forks).hasSize(2).hasSameSizeAs(expectedForks);
            Histogram expectedMerged = new Histogram(3);
            for (int f = 0; f < forks.size(); f++) {
                assertSamePercentiles(forks.get(f), expectedForks.get(f));
                expectedMerged.add(expectedForks.get(f));
            }
            Histogram merged = JmhHistograms.merged(result.primaryMetric());
            assertSamePercentiles(merged, expectedMerged);
            assertThat(merged.getTotalCount()).isEqualTo(result.primaryMetric().sampleCount());
        }
    }

    @Test
    void summaryOfTheFixedPoolHandOff() throws Exception {
        BenchmarkResult fixedPool = sampleTimeResults().stream()
                .filter(r -> r.params().get("model").equals("fixedPool")).findFirst().orElseThrow();
        LatencySummary summary = LatencySummary.of(JmhHistograms.merged(fixedPool.primaryMetric()));
        assertThat(summary).isEqualTo(new LatencySummary(6723, 10439, 59807, 5853183, 8056831, 7249));
        assertThat(summary.count()).isEqualTo(fixedPool.primaryMetric().sampleCount());
    }

    /**
     * JMH interpolates between neighbouring samples and HdrHistogram reports a bucket's highest equivalent value, so
     * they agree to the histogram's precision where samples are dense (p50, p90), not in a sparse tail (p99 of 2 000
     * samples rests on 20 of them; JMH's p99 of inline is 2121 ns against HdrHistogram's 2010 ns).
     */
    @Test
    void medianAndP90AgreeWithJmhsOwnToTheHistogramsPrecision() throws Exception {
        for (BenchmarkResult result : sampleTimeResults()) {
            Histogram merged = JmhHistograms.merged(result.primaryMetric());
            for (String p : List.of("50.0", "90.0")) {
                double jmhNs = result.primaryMetric().scorePercentiles().get(p) * 1000;
                double hdrNs = merged.getValueAtPercentile(Double.parseDouble(p));
                assertThat(hdrNs).as("%s p%s", result.params(), p).isCloseTo(jmhNs, withinPercentage(0.2));
            }
        }
    }

    private static void assertSamePercentiles(Histogram actual, Histogram expected) {
        for (double p : PERCENTILES) {
            assertThat(actual.getValueAtPercentile(p)).as("p%s", p).isEqualTo(expected.getValueAtPercentile(p));
        }
        assertThat(actual.getMaxValue()).isEqualTo(expected.getMaxValue());
        assertThat(actual.getTotalCount()).isEqualTo(expected.getTotalCount());
    }

    static List<BenchmarkResult> sampleTimeResults() throws Exception {
        return JmhJsonReader.read(ReportResources.path("models/jmh.json")).stream()
                .filter(r -> r.mode().equals("sample")).toList();
    }

    /** The file's bins for one model recorded straight into HdrHistograms, one per fork, us to ns. */
    private static List<Histogram> forksFromJson(String model) throws IOException {
        JsonNode results = new ObjectMapper().readTree(ReportResources.path("models/jmh.json").toFile());
        for (JsonNode result : results) {
            if (result.path("mode").asText().equals("sample") && result.path("params").path("model").asText()
                    .equals(model)) {
                List<Histogram> forks = new ArrayList<>();
                for (JsonNode fork : result.path("primaryMetric").path("rawDataHistogram")) {
                    Histogram histogram = new Histogram(3);
                    for (JsonNode iteration : fork) {
                        for (JsonNode bin : iteration) {
                            histogram.recordValueWithCount(Math.round(bin.get(0).asDouble() * 1000),
                                    bin.get(1).asLong());
                        }
                    }
                    forks.add(histogram);
                }
                return forks;
            }
        }
        throw new IllegalArgumentException(model);
    }
}
