package io.execbench.harness.analyse;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one latency chart and its table show: one line per model, transport or tag.
 *
 * @param title  e.g. {@code ModelBench.task} or {@code IpcBench.roundTrip, payloadBytes=64}
 * @param source where the samples come from, e.g. {@code JMH SampleTime} or {@code latency/handoff.hlog}
 * @param series the lines, in display order
 */
public record LatencyGroup(String title, String source, List<Series> series) {

    public LatencyGroup {
        series = List.copyOf(series);
    }

    /**
     * One line: every sample merged, and the same samples per JMH fork (empty for an {@code .hlog}).
     *
     * @param label e.g. {@code fixedPool}
     */
    public record Series(String label, Histogram merged, List<Histogram> forks) {
        public Series {
            forks = List.copyOf(forks);
        }
    }
}
