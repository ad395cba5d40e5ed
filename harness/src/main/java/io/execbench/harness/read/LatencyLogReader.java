package io.execbench.harness.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads a run's {@code latency/*.hlog} files: HdrHistogram interval logs as {@code HistogramLogWriter} writes them
 * (comment lines, {@code #[StartTime: ...]}, {@code #[BaseTime: ...]}, a legend, then one line per interval:
 * {@code Tag=name,start,length,max,compressed-histogram}). Values are read as nanoseconds, the unit every execbench
 * experiment records in. Files named {@code <group>@<part>.hlog} (one per forked JVM, say) form one log named
 * {@code <group>}, each file kept as one of the tag's {@link LatencyLog.Tagged#files()}. Intervals are merged per tag; a {@code DoubleHistogram} interval is refused with the file
 * named, since its values have no unit the report could assume. Never writes.
 */
public final class LatencyLogReader {

    /** The folder of a run that holds the logs. */
    public static final String LATENCY_DIR = "latency";
    /** Files read from one run's latency folder; a run writes one per benchmark fork. */
    static final int MAX_FILES = 10_000;
    /** What an interval written without a tag is listed as. */
    public static final String UNTAGGED = "untagged";
    /** The server experiment's step logs start so; they are not latency distributions of their own. */
    public static final String SERVER_PREFIX = "server-";

    private LatencyLogReader() {
    }

    /**
     * Every {@code .hlog} in {@code runDir/latency}, by file name, but the server steps' logs ({@value #SERVER_PREFIX}
     * and on: one per load step, read by the server section through {@code ServerReadings}); empty when the folder
     * does not exist.
     */
    public static List<LatencyLog> readAll(Path runDir) throws RunReadException {
        List<Path> files = InputFiles.list(runDir.resolve(LATENCY_DIR), ".hlog", MAX_FILES, ".hlog files");
        Map<String, List<LatencyLog>> byGroup = new LinkedHashMap<>();
        for (Path file : files) {
            if (file.getFileName().toString().startsWith(SERVER_PREFIX)) {
                continue;
            }
            LatencyLog log = read(file);
            byGroup.computeIfAbsent(groupOf(log.name()), g -> new ArrayList<>()).add(log);
        }
        List<LatencyLog> logs = new ArrayList<>();
        byGroup.forEach((group, members) -> logs.add(members.size() == 1 && members.getFirst().name().equals(group)
                ? members.getFirst() : combine(group, members)));
        return logs;
    }

    /** The group a file belongs to: its name up to the first {@code @}, or the whole name. */
    static String groupOf(String name) {
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    private static LatencyLog combine(String group, List<LatencyLog> members) {
        Map<String, Histogram> merged = new LinkedHashMap<>();
        Map<String, Integer> intervals = new LinkedHashMap<>();
        Map<String, List<Histogram>> files = new LinkedHashMap<>();
        for (LatencyLog member : members) {
            for (LatencyLog.Tagged tagged : member.series()) {
                merged.computeIfAbsent(tagged.tag(), t -> LatencyLog.newHistogram()).add(tagged.histogram());
                intervals.merge(tagged.tag(), tagged.intervals(), Integer::sum);
                files.computeIfAbsent(tagged.tag(), t -> new ArrayList<>()).add(tagged.histogram());
            }
        }
        List<LatencyLog.Tagged> series = new ArrayList<>();
        merged.forEach((tag, histogram) -> series.add(new LatencyLog.Tagged(tag, histogram, intervals.get(tag),
                files.get(tag))));
        return new LatencyLog(group, LATENCY_DIR + "/" + group + "@*.hlog (" + members.size()
                + (members.size() == 1 ? " file)" : " files)"), series);
    }

    /** Reads one log, merging its intervals per tag. */
    public static LatencyLog read(Path file) throws RunReadException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".hlog") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Map<String, Histogram> merged = new LinkedHashMap<>();
        Map<String, Integer> intervals = new LinkedHashMap<>();
        byte[] bytes;
        try (InputStream in = InputFiles.open(file, InputFiles.HLOG_MAX_BYTES)) {
            bytes = in.readAllBytes();
        } catch (RunReadException e) {
            throw e;
        } catch (IOException e) {
            throw new RunReadException(file, "cannot read: " + e.getMessage(), e);
        }
        HlogLimits.check(file, HlogLimits.text(bytes));
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            int line = 0;
            for (EncodableHistogram interval = next(file, reader, line); interval != null;
                    interval = next(file, reader, ++line)) {
                if (!(interval instanceof Histogram histogram)) {
                    throw new RunReadException(file, "interval " + (line + 1) + " is a "
                            + interval.getClass().getSimpleName() + "; only integer (nanosecond) histograms are read");
                }
                String tag = histogram.getTag() == null ? UNTAGGED : histogram.getTag();
                try {
                    merged.computeIfAbsent(tag, t -> LatencyLog.newHistogram()).add(histogram);
                } catch (RuntimeException e) {
                    // A header HdrHistogram decoded but cannot merge (a normalising offset past its counts, say).
                    throw new RunReadException(file, "interval " + (line + 1) + " cannot be merged ("
                            + e.getClass().getSimpleName() + ")", e);
                }
                intervals.merge(tag, 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new RunReadException(file, "cannot read: " + e.getMessage(), e);
        }
        List<LatencyLog.Tagged> series = new ArrayList<>();
        merged.forEach((tag, histogram) -> series.add(new LatencyLog.Tagged(tag, histogram, intervals.get(tag),
                List.of(histogram))));
        return new LatencyLog(name, LATENCY_DIR + "/" + fileName, series);
    }

    /** The next interval; HdrHistogram reports a malformed line as an unchecked exception, named here. */
    private static EncodableHistogram next(Path file, HistogramLogReader reader, int index) throws RunReadException {
        try {
            return reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw new RunReadException(file, "interval " + (index + 1) + " is not a valid histogram line ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }
}
