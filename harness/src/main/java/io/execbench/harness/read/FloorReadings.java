package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@code floor.json} (results contract): the C ping-pong the runner compiled and ran in the same sitting as
 * the IPC round trips, per transport, payload size and placement, a few runs each. Runs without IPC round trips, or
 * from before the floor existed, have no file. Every text in it is untrusted: shown escaped, never used as a name.
 *
 * @param compiler    the compiler's description, or null when there is no floor
 * @param unavailable why the run has no floor (no compiler, it failed to compile), or null
 * @param points      what was measured, in file order
 */
public record FloorReadings(String compiler, String unavailable, List<Point> points) {

    public static final String FILE_NAME = "floor.json";
    static final int MAX_POINTS = 10_000;
    static final int MAX_RUNS = 1_000;
    private static final int MAX_TEXT = 500;

    /** One run of the C program: round trips kept, and the p50, p99 and mean round trip in nanoseconds. */
    public record FloorRun(long roundTrips, double p50Ns, double p99Ns, double meanNs) {
    }

    /** One transport, payload and placement: its runs, and the error that stopped it, or null. */
    public record Point(String transport, long payloadBytes, String placement, List<FloorRun> runs, String error) {
        public Point {
            runs = List.copyOf(runs);
        }
    }

    public FloorReadings {
        points = List.copyOf(points);
    }

    /**
     * Reads {@code runDir/floor.json}; empty when the run has none.
     *
     * @throws RunReadException naming the file when it is not valid JSON or not the contract's shape
     */
    public static Optional<FloorReadings> read(Path runDir) throws RunReadException {
        Path file = runDir.resolve(FILE_NAME);
        if (!InputFiles.present(file)) {
            return Optional.empty();
        }
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || !root.isObject()) {
            throw new RunReadException(file, "not a JSON object");
        }
        int schema = root.path("schemaVersion").asInt(-1);
        if (schema != 1) {
            throw new RunReadException(file, "schemaVersion " + root.path("schemaVersion")
                    + " is not one this harness reads (1)");
        }
        JsonNode points = root.path("points");
        if (!points.isArray()) {
            throw new RunReadException(file, "no \"points\" array");
        }
        if (points.size() > MAX_POINTS) {
            throw new RunReadException(file, points.size() + " points, more than " + MAX_POINTS);
        }
        List<Point> read = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            read.add(point(file, i + 1, points.get(i)));
        }
        return Optional.of(new FloorReadings(text(root.get("compiler")), text(root.get("unavailable")), read));
    }

    private static Point point(Path file, int index, JsonNode node) throws RunReadException {
        String where = "point " + index;
        String transport = text(node.get("transport"));
        String placement = text(node.get("placement"));
        if (transport == null || placement == null) {
            throw new RunReadException(file, where + " has no transport or placement");
        }
        JsonNode bytes = node.get("payloadBytes");
        if (bytes == null || !bytes.canConvertToLong() || !bytes.isIntegralNumber() || bytes.asLong() < 0) {
            throw new RunReadException(file, where + ": payloadBytes is not a whole number of bytes");
        }
        JsonNode runs = node.path("runs");
        if (!runs.isArray() || runs.size() > MAX_RUNS) {
            throw new RunReadException(file, where + ": \"runs\" is not an array of at most " + MAX_RUNS);
        }
        List<FloorRun> read = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            JsonNode run = runs.get(r);
            String at = where + ", run " + (r + 1);
            read.add(new FloorRun((long) positive(file, at, run, "roundTrips"), positive(file, at, run, "p50Ns"),
                    positive(file, at, run, "p99Ns"), positive(file, at, run, "meanNs")));
        }
        return new Point(transport, bytes.asLong(), placement, read, text(node.get("error")));
    }

    private static double positive(Path file, String where, JsonNode run, String field) throws RunReadException {
        JsonNode value = run.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble()) || !(value.asDouble() > 0)) {
            throw new RunReadException(file, where + ": " + field + " is not a positive number");
        }
        return value.asDouble();
    }

    /** A text field, cut to a bounded length; null when absent or not text. */
    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
