package io.execbench.latency;

import io.execbench.files.DurableFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * An HdrHistogram interval log that a benchmark fills inside its forked JVM and writes into the run's
 * {@code latency/} folder (the results contract: nanosecond values, one tag per series) when the trial ends.
 *
 * <p>The execbench runner tells forks where that folder is with the system property {@value #DIR_PROPERTY}; a
 * benchmark run any other way (plain JMH, an IDE) gets no log, and records nothing. Each fork writes its own file,
 * {@code <group>@<part>-<pid>.hlog}, through {@link DurableFiles} (a temporary name forced to disk, then moved into
 * place), so a killed fork or a crashed machine leaves either a whole file or none (never a truncated line that
 * would stop the report), and the harness reads the files of one group as one chart with a row per fork.
 *
 * <p>Not thread-safe: the benchmark thread adds intervals, in fixture methods, after the workers that recorded them
 * have been synchronised with (e.g. by the phaser of a batch).
 */
public final class IntervalLog {

    /** The system property naming the run's latency folder. */
    public static final String DIR_PROPERTY = "execbench.latency.dir";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path target;
    private final long startMs;
    private final List<Interval> intervals = new ArrayList<>();

    private record Interval(Histogram histogram, long startMs, long endMs) {
    }

    private IntervalLog(Path target, long startMs) {
        this.target = target;
        this.startMs = startMs;
    }

    /**
     * A log for this fork, or empty when the runner gave no latency folder.
     *
     * @param group the chart this fork's file joins, e.g. {@code scaling-alu-os}
     * @param part  what distinguishes this trial within the group, e.g. {@code t0004}
     */
    public static Optional<IntervalLog> forThisFork(String group, String part) {
        return at(System.getProperty(DIR_PROPERTY), group, part);
    }

    static Optional<IntervalLog> at(String dir, String group, String part) {
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        for (String name : List.of(group, part)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("latency log name '" + name + "' may use only letters, digits,"
                        + " '.', '_' and '-'");
            }
        }
        String fileName = group + "@" + part + "-" + ProcessHandle.current().pid() + ".hlog";
        return Optional.of(new IntervalLog(Path.of(dir).resolve(fileName), System.currentTimeMillis()));
    }

    /**
     * A log written to {@code file} (the caller names it), its times counted from {@code startMs}: for experiments that
     * record outside a JMH fork and add intervals after the fact (the load generator's per-route logs).
     */
    public static IntervalLog toFile(Path file, long startMs) {
        return new IntervalLog(file, startMs);
    }

    /**
     * Adds a copy of {@code histogram} as one interval tagged {@code tag}, ending now.
     *
     * @throws IllegalArgumentException when the tag holds a space or a comma, which the log format cannot carry
     */
    public void add(String tag, Histogram histogram, long intervalStartMs) {
        add(tag, histogram, intervalStartMs, System.currentTimeMillis());
    }

    /**
     * Adds a copy of {@code histogram} as one interval tagged {@code tag}, from {@code intervalStartMs} to
     * {@code intervalEndMs} (an interval recorded earlier).
     *
     * @throws IllegalArgumentException when the tag holds a space or a comma, which the log format cannot carry
     */
    public void add(String tag, Histogram histogram, long intervalStartMs, long intervalEndMs) {
        if (tag.isEmpty() || tag.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
            throw new IllegalArgumentException("latency log tag '" + tag + "' must be non-empty, without spaces or"
                    + " commas (HdrHistogram's log format splits lines on them)");
        }
        Histogram copy = histogram.copy();
        copy.setTag(tag);
        intervals.add(new Interval(copy, intervalStartMs, intervalEndMs));
    }

    /** Intervals added so far. */
    public int intervals() {
        return intervals.size();
    }

    /**
     * Writes the log ({@code latency/<group>@<part>-<pid>.hlog}, or the file given to {@link #toFile}) if it has any
     * interval, and returns its path.
     *
     * @throws UncheckedIOException naming the folder when it cannot be written
     */
    public Optional<Path> write() {
        if (intervals.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("execbench interval log: values in nanoseconds");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputBaseTime(startMs);
            writer.outputLegend();
            for (Interval interval : intervals) {
                interval.histogram().setStartTimeStamp(interval.startMs());
                interval.histogram().setEndTimeStamp(interval.endMs());
                writer.outputIntervalHistogram(interval.histogram());
            }
        }
        try {
            DurableFiles.write(target, bytes.toByteArray());
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the latency log: " + e.getMessage(), e);
        }
    }
}
