package io.execbench.harness.latency;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One {@code latency/*.hlog} file of a run, its intervals merged per tag.
 *
 * @param name   the file name without {@code .hlog}, e.g. {@code handoff}
 * @param series one per tag, in the order the tags first appear in the file
 */
public record LatencyLog(String name, List<Tagged> series) {

    public LatencyLog {
        series = List.copyOf(series);
    }

    /**
     * Every interval histogram of one tag, added together.
     *
     * @param tag       the tag as written ({@code untagged} for intervals written without one)
     * @param histogram the merged histogram, values in nanoseconds
     * @param intervals how many interval histograms were merged
     */
    public record Tagged(String tag, Histogram histogram, int intervals) {
    }
}
