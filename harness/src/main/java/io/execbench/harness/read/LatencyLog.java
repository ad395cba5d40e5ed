package io.execbench.harness.read;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One {@code latency/*.hlog} file of a run, or the files of one group ({@code <group>@<part>.hlog}, e.g. one per
 * forked JVM), their intervals merged per tag.
 *
 * @param name   the file name without {@code .hlog}, e.g. {@code handoff}, or the group's name
 * @param source where it was read from, relative to the run folder: {@code latency/handoff.hlog}, or
 *               {@code latency/<group>@*.hlog (N files)}
 * @param series one per tag, in the order the tags first appear (files read in name order)
 */
public record LatencyLog(String name, String source, List<Tagged> series) {

    /** Significant digits of every histogram the harness makes: 3, as JMH's and the recorders' own. */
    public static final int SIGNIFICANT_DIGITS = 3;

    public LatencyLog {
        series = List.copyOf(series);
    }

    /** An empty histogram as the harness makes them: nanoseconds, {@value #SIGNIFICANT_DIGITS} digits, resizing. */
    public static Histogram newHistogram() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return histogram;
    }

    /**
     * Every interval histogram of one tag, added together.
     *
     * @param tag       the tag as written ({@code untagged} for intervals written without one)
     * @param histogram the merged histogram, values in nanoseconds
     * @param intervals how many interval histograms were merged
     * @param files     the tag's histogram in each file that has it, in file name order (one per forked JVM for
     *                  the files of a group; a single file gives one)
     */
    public record Tagged(String tag, Histogram histogram, int intervals, List<Histogram> files) {

        public Tagged {
            files = List.copyOf(files);
        }
    }
}
