package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One fork's memory sweep, {@code memory/<unit>-<pid>.json} (written by the benchmarks' {@code process/MemoryLog}; the
 * format is in results/README.md): resident and proportional memory of JVMs holding a number of parked units, per count.
 * Read as untrusted input: regular files only, each at most {@link InputFiles#SMALL_JSON_MAX_BYTES}, at most
 * {@value #MAX_FILES} of them and {@value #MAX_STEPS} steps each; every field's type and range checked; any problem is
 * one {@link RunReadException} naming the file and the field.
 *
 * @param file      where it was read from, for messages
 * @param unit      {@code platform}, {@code virtual} or {@code jvm}
 * @param limits    the machine's limits when the sweep began
 * @param steps     the counts measured, ascending
 * @param stoppedAt where a limit check ended the sweep, or null when it measured every count
 */
public record MemoryReadings(Path file, String unit, Limits limits, List<Step> steps, Stop stoppedAt) {

    /** The folder of a run that holds the sweeps. */
    public static final String DIR = "memory";
    /** The unit kinds, in report order. */
    public static final List<String> UNITS = List.of("platform", "virtual", "jvm");
    static final int MAX_FILES = 1000;
    static final int MAX_STEPS = 1000;
    static final long MAX_COUNT = 100_000_000;
    static final long MAX_BYTES = 1L << 50;
    static final int MAX_TEXT_CHARS = 500;

    public MemoryReadings {
        steps = List.copyOf(steps);
    }

    /**
     * The machine's limits as the sweep saw them; each null where there is none or the machine did not say.
     * Field meanings as run.json's {@code limits} (results/README.md).
     */
    public record Limits(Long threadsMax, Long threadsInUse, Long maxMapCount, Long pidsMax, Long pidsCurrent,
                         Long processLimit, Long memTotalBytes, Long memAvailableBytes, Long cgroupMemoryMaxBytes,
                         Long cgroupMemoryCurrentBytes) {

        public static final Limits UNKNOWN = new Limits(null, null, null, null, null, null, null, null, null, null);
    }

    /** One count measured: summed over the {@code processes} JVMs that held the units. */
    public record Step(long count, long rssBytes, long pssBytes, long threads, long mappings, long processes,
                       long memAvailableBytes, double startMs) {
    }

    /** The count a limit check did not let the sweep measure, and why. */
    public record Stop(long count, String reason) {
    }

    /** Every sweep in {@code runDir/memory}, by file name; empty when the folder does not exist. */
    public static List<MemoryReadings> readAll(Path runDir) throws RunReadException {
        List<MemoryReadings> sweeps = new ArrayList<>();
        for (Path file : InputFiles.list(runDir.resolve(DIR), ".json", MAX_FILES, "memory sweeps")) {
            sweeps.add(read(file));
        }
        return sweeps;
    }

    /** Reads one sweep. */
    public static MemoryReadings read(Path file) throws RunReadException {
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || !root.isObject()) {
            throw new RunReadException(file, "expected a JSON object (a memory sweep)");
        }
        JsonNode version = root.path("schemaVersion");
        if (!version.isInt() || version.intValue() != 1) {
            throw new RunReadException(file, "schemaVersion must be 1, the only memory sweep format this harness reads");
        }
        JsonNode unit = root.path("unit");
        if (!unit.isTextual() || !UNITS.contains(unit.textValue())) {
            throw new RunReadException(file, "unit must be one of " + String.join(", ", UNITS));
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray() || steps.size() > MAX_STEPS) {
            throw new RunReadException(file, "steps must be an array of at most " + MAX_STEPS + " entries");
        }
        List<Step> read = new ArrayList<>();
        for (JsonNode step : steps) {
            String where = "steps[" + read.size() + "].";
            long count = whole(file, step, "count", where, 1, MAX_COUNT);
            if (!read.isEmpty() && count <= read.getLast().count()) {
                throw new RunReadException(file, where + "count must be above the step before's");
            }
            read.add(new Step(count, whole(file, step, "rssBytes", where, 0, MAX_BYTES),
                    whole(file, step, "pssBytes", where, 0, MAX_BYTES),
                    whole(file, step, "threads", where, 0, MAX_COUNT), whole(file, step, "mappings", where, 0, MAX_COUNT),
                    whole(file, step, "processes", where, 1, MAX_COUNT),
                    whole(file, step, "memAvailableBytes", where, -1, MAX_BYTES), millis(file, step, "startMs", where)));
        }
        return new MemoryReadings(file, unit.textValue(), limits(file, root.path("limits")), read,
                stop(file, root.path("stoppedAt")));
    }

    private static Limits limits(Path file, JsonNode node) throws RunReadException {
        if (node.isMissingNode() || node.isNull()) {
            return Limits.UNKNOWN;
        }
        if (!node.isObject()) {
            throw new RunReadException(file, "limits must be an object");
        }
        String where = "limits.";
        return new Limits(optional(file, node, "threadsMax", where), optional(file, node, "threadsInUse", where),
                optional(file, node, "maxMapCount", where), optional(file, node, "pidsMax", where),
                optional(file, node, "pidsCurrent", where), optional(file, node, "processLimit", where),
                optional(file, node, "memTotalBytes", where), optional(file, node, "memAvailableBytes", where),
                optional(file, node, "cgroupMemoryMaxBytes", where),
                optional(file, node, "cgroupMemoryCurrentBytes", where));
    }

    private static Stop stop(Path file, JsonNode node) throws RunReadException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new RunReadException(file, "stoppedAt must be null or an object");
        }
        JsonNode reason = node.path("reason");
        if (!reason.isTextual() || reason.textValue().length() > MAX_TEXT_CHARS) {
            throw new RunReadException(file, "stoppedAt.reason must be a text of at most " + MAX_TEXT_CHARS
                    + " characters");
        }
        return new Stop(whole(file, node, "count", "stoppedAt.", 1, MAX_COUNT), reason.textValue());
    }

    private static Long optional(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : whole(file, node, field, where, 0, MAX_BYTES);
    }

    private static long whole(Path file, JsonNode node, String field, String where, long min, long max)
            throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new RunReadException(file, where + field + " must be a whole number from " + min + " to " + max);
        }
        return value.longValue();
    }

    private static double millis(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0
                || value.doubleValue() > 86_400_000) {
            throw new RunReadException(file, where + field + " must be a number of milliseconds from 0 to a day");
        }
        return value.doubleValue();
    }
}
