package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one {@code server/<label>.json} ({@link ServerRun}) or {@code server/ab.json} ({@link AbCheck}) as untrusted
 * input: a regular file of at most {@link InputFiles#SMALL_JSON_MAX_BYTES}, schema 1, every field's type and range
 * checked (rates, times and counts finite and at least 0, shares from 0 to 1, names of a fixed alphabet, texts and
 * arrays bounded). Percentiles need not be ordered, only finite. Any problem is one {@link RunReadException} naming
 * the file and the field. Never writes.
 */
public final class ServerLogReader {

    static final int MAX_STEPS = 10_000;
    static final int MAX_ROUTES = 16;
    static final int MAX_INTERVALS = 100_000;
    static final int MAX_CPUS = 4096;
    static final int MAX_NOTES = 100;
    static final int MAX_PERCENTILES = 64;
    static final int MAX_TEXT_CHARS = 500;
    /** A configuration's label: also its file name, and a key of tracked results. */
    static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final Pattern KERNEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A file of {@code latency/}: no separator, so it cannot point anywhere else. */
    private static final Pattern HLOG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,200}\\.hlog");
    private static final Pattern PERCENTILE = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,6})?");

    private ServerLogReader() {
    }

    /** Reads one configuration's sweep; its label must be its file name without {@code .json}. */
    public static ServerRun readRun(Path file) throws RunReadException {
        JsonNode root = root(file, "a server load sweep");
        String label = label(file, root, "label", "");
        String fileName = file.getFileName().toString();
        if (!fileName.equals(label + ".json")) {
            throw new RunReadException(file, "label \"" + label + "\" is not the file's name (" + label
                    + ".json expected)");
        }
        JsonNode pool = root.path("poolSize");
        Integer poolSize = pool.isNull() || pool.isMissingNode() ? null
                : (int) whole(file, root, "poolSize", "", 1, 1_000_000);
        List<ServerRun.Step> steps = new ArrayList<>();
        for (JsonNode step : array(file, root, "steps", "", MAX_STEPS)) {
            steps.add(step(file, step, "steps[" + steps.size() + "]"));
        }
        List<String> notes = new ArrayList<>();
        if (!root.path("notes").isMissingNode() && !root.path("notes").isNull()) {
            for (JsonNode note : array(file, root, "notes", "", MAX_NOTES)) {
                notes.add(text(file, note, "notes[" + notes.size() + "]"));
            }
        }
        JsonNode capacityNode = root.path("capacity");
        ServerRun.Capacity capacity = capacityNode.isMissingNode() || capacityNode.isNull() ? null
                : capacity(file, capacityNode);
        return new ServerRun(file, name(file, root, "model"), label, poolSize,
                (int) whole(file, root, "processes", "", 1, MAX_CPUS), kernel(file, root),
                whole(file, root, "heavyWorkUnits", "", 0, Long.MAX_VALUE),
                number(file, root, "heavyMs", "", 86_400_000), (int) whole(file, root, "connections", "", 1, 1_000_000),
                cpus(file, root, "serverCpus"), cpus(file, root, "generatorCpus"), bool(file, root, "pinned", ""),
                positive(file, root, "p99BoundMs", "", 86_400_000), steps, notes, capacity);
    }

    /** Reads the ab cross-check; an unavailable one has only its reason. */
    public static AbCheck readAb(Path file) throws RunReadException {
        JsonNode root = root(file, "an ab cross-check");
        boolean available = bool(file, root, "available", "");
        JsonNode reasonNode = root.path("reason");
        String reason = reasonNode.isMissingNode() || reasonNode.isNull() ? "" : text(file, reasonNode, "reason");
        if (!available) {
            return new AbCheck(file, false, reason, null, 0, 0, null, null, null);
        }
        JsonNode ab = object(file, root, "ab", "");
        JsonNode closed = object(file, root, "closedLoop", "");
        JsonNode open = object(file, root, "openLoop", "");
        return new AbCheck(file, true, reason, label(file, root, "label", ""),
                whole(file, root, "requests", "", 1, Integer.MAX_VALUE),
                (int) whole(file, root, "concurrency", "", 1, 1_000_000),
                new AbCheck.Ab(number(file, ab, "requestsPerSec", "ab", Double.MAX_VALUE),
                        number(file, ab, "meanMs", "ab", 86_400_000), number(file, ab, "meanAcrossMs", "ab", 86_400_000),
                        whole(file, ab, "failed", "ab", 0, Long.MAX_VALUE),
                        whole(file, ab, "non2xx", "ab", 0, Long.MAX_VALUE), percentiles(file, ab, "ab")),
                new AbCheck.ClosedLoop(number(file, closed, "requestsPerSec", "closedLoop", Double.MAX_VALUE),
                        number(file, closed, "meanMs", "closedLoop", 86_400_000)),
                new AbCheck.OpenLoop(number(file, open, "offeredPerSec", "openLoop", Double.MAX_VALUE),
                        number(file, open, "achievedPerSec", "openLoop", Double.MAX_VALUE),
                        percentiles(file, open, "openLoop")),
                present(root, "abNoKeepAlive") ? ab(file, object(file, root, "abNoKeepAlive", ""), "abNoKeepAlive")
                        : null,
                present(root, "heavy") ? heavy(file, object(file, root, "heavy", "")) : null);
    }

    private static boolean present(JsonNode node, String field) {
        return !node.path(field).isMissingNode() && !node.path(field).isNull();
    }

    private static AbCheck.Ab ab(Path file, JsonNode ab, String where) throws RunReadException {
        return new AbCheck.Ab(number(file, ab, "requestsPerSec", where, Double.MAX_VALUE),
                number(file, ab, "meanMs", where, 86_400_000), number(file, ab, "meanAcrossMs", where, 86_400_000),
                whole(file, ab, "failed", where, 0, Long.MAX_VALUE), whole(file, ab, "non2xx", where, 0, Long.MAX_VALUE),
                percentiles(file, ab, where));
    }

    private static AbCheck.Heavy heavy(Path file, JsonNode heavy) throws RunReadException {
        JsonNode closed = object(file, heavy, "closedLoop", "heavy");
        return new AbCheck.Heavy(whole(file, heavy, "requests", "heavy", 1, Integer.MAX_VALUE),
                ab(file, object(file, heavy, "ab", "heavy"), "heavy.ab"),
                new AbCheck.ClosedLoop(number(file, closed, "requestsPerSec", "heavy.closedLoop", Double.MAX_VALUE),
                        number(file, closed, "meanMs", "heavy.closedLoop", 86_400_000)));
    }

    private static JsonNode root(Path file, String what) throws RunReadException {
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || !root.isObject()) {
            throw new RunReadException(file, "expected a JSON object (" + what + ")");
        }
        JsonNode schema = root.path("schema");
        if (!schema.isInt() || schema.intValue() != 1) {
            throw new RunReadException(file, "schema must be 1, the only server results format this harness reads");
        }
        return root;
    }

    private static ServerRun.Step step(Path file, JsonNode node, String where) throws RunReadException {
        if (!node.isObject()) {
            throw new RunReadException(file, where + " must be an object");
        }
        double share = number(file, node, "heavyShare", where, 1);
        JsonNode cpu = node.path("generatorCpuMs");
        double generatorCpuMs = cpu.isMissingNode() || cpu.isNull() ? Double.NaN
                : number(file, node, "generatorCpuMs", where, 86_400_000);
        Map<String, ServerRun.Route> routes = new LinkedHashMap<>();
        JsonNode routesNode = object(file, node, "routes", where);
        if (routesNode.size() > MAX_ROUTES) {
            throw new RunReadException(file, where + ".routes holds " + routesNode.size() + " routes, more than "
                    + MAX_ROUTES);
        }
        for (Map.Entry<String, JsonNode> entry : routesNode.properties()) {
            String at = where + ".routes";
            if (!LABEL.matcher(entry.getKey()).matches()) {
                throw new RunReadException(file, at + " has a route whose name is not letters, digits, '.', '_' "
                        + "or '-'");
            }
            routes.put(entry.getKey(), route(file, entry.getValue(), at + "." + entry.getKey()));
        }
        JsonNode lag = node.path("loopLag");
        ServerRun.LoopLag loopLag = lag.isMissingNode() || lag.isNull() ? null : loopLag(file, lag, where + ".loopLag");
        JsonNode hlog = node.path("hlog");
        String hlogName = null;
        if (!hlog.isMissingNode() && !hlog.isNull()) {
            if (!hlog.isTextual() || !HLOG.matcher(hlog.textValue()).matches()) {
                throw new RunReadException(file, where + ".hlog must be a file name in latency/ ending in .hlog "
                        + "(letters, digits, '.', '_', '@', '-')");
            }
            hlogName = hlog.textValue();
        }
        return new ServerRun.Step(share, number(file, node, "offeredPerSec", where, Double.MAX_VALUE),
                number(file, node, "achievedPerSec", where, Double.MAX_VALUE),
                number(file, node, "measuredMs", where, 86_400_000),
                whole(file, node, "completed", where, 0, Long.MAX_VALUE),
                whole(file, node, "errors", where, 0, Long.MAX_VALUE),
                whole(file, node, "timeouts", where, 0, Long.MAX_VALUE), generatorCpuMs, routes, loopLag, hlogName);
    }

    private static ServerRun.Route route(Path file, JsonNode node, String where) throws RunReadException {
        if (!node.isObject()) {
            throw new RunReadException(file, where + " must be an object");
        }
        List<Double> intervals = finiteArray(file, node, "intervalP99Us", where, "a number of microseconds");
        // The p99's interval is optional (files written before it have none), but both ends or neither.
        boolean interval = node.has("p99LowUs") || node.has("p99HighUs");
        return new ServerRun.Route(whole(file, node, "count", where, 0, Long.MAX_VALUE), micros(file, node, "meanUs",
                where), micros(file, node, "p50Us", where), micros(file, node, "p90Us", where),
                micros(file, node, "p99Us", where), micros(file, node, "p999Us", where),
                micros(file, node, "maxUs", where), intervals,
                interval ? micros(file, node, "p99LowUs", where) : Double.NaN,
                interval ? micros(file, node, "p99HighUs", where) : Double.NaN);
    }

    private static ServerRun.Capacity capacity(Path file, JsonNode node) throws RunReadException {
        String where = "capacity";
        if (!node.isObject()) {
            throw new RunReadException(file, where + " must be an object or null");
        }
        return new ServerRun.Capacity(number(file, node, "heavyShare", where, 1),
                (int) whole(file, node, "connections", where, 1, 1_000_000),
                number(file, node, "requestsPerSec", where, Double.MAX_VALUE),
                number(file, node, "measuredMs", where, 86_400_000),
                whole(file, node, "completed", where, 0, Long.MAX_VALUE),
                whole(file, node, "errors", where, 0, Long.MAX_VALUE),
                whole(file, node, "timeouts", where, 0, Long.MAX_VALUE),
                finiteArray(file, node, "intervalPerSec", where, "a number of requests per second"),
                node.has("intervalMs") ? positive(file, node, "intervalMs", where, 86_400_000)
                        : ServerRun.Capacity.DEFAULT_INTERVAL_MS);
    }

    /** An optional array of finite numbers, each at least 0; missing or null reads as empty. */
    private static List<Double> finiteArray(Path file, JsonNode node, String field, String where, String what)
            throws RunReadException {
        List<Double> out = new ArrayList<>();
        JsonNode values = node.path(field);
        if (values.isMissingNode() || values.isNull()) {
            return out;
        }
        for (JsonNode value : array(file, node, field, where, MAX_INTERVALS)) {
            if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
                throw new RunReadException(file, prefix(where) + field + "[" + out.size() + "] must be " + what
                        + ", at least 0");
            }
            out.add(value.doubleValue());
        }
        return out;
    }

    private static ServerRun.LoopLag loopLag(Path file, JsonNode node, String where) throws RunReadException {
        if (!node.isObject()) {
            throw new RunReadException(file, where + " must be an object or null");
        }
        return new ServerRun.LoopLag(whole(file, node, "count", where, 0, Long.MAX_VALUE),
                micros(file, node, "p50Us", where), micros(file, node, "p99Us", where),
                micros(file, node, "p999Us", where), micros(file, node, "maxUs", where));
    }

    private static Map<String, Double> percentiles(Path file, JsonNode parent, String where)
            throws RunReadException {
        JsonNode node = object(file, parent, "percentilesMs", where);
        if (node.size() > MAX_PERCENTILES) {
            throw new RunReadException(file, where + ".percentilesMs holds more than " + MAX_PERCENTILES
                    + " percentiles");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (!PERCENTILE.matcher(key).matches() || Double.parseDouble(key) > 100) {
                throw new RunReadException(file, where + ".percentilesMs has a key that is not a percentile from 0 "
                        + "to 100");
            }
            JsonNode value = entry.getValue();
            if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
                throw new RunReadException(file, where + ".percentilesMs." + key
                        + " must be a number of milliseconds, at least 0");
            }
            out.put(key, value.doubleValue());
        }
        return out;
    }

    private static List<Integer> cpus(Path file, JsonNode root, String field) throws RunReadException {
        List<Integer> cpus = new ArrayList<>();
        for (JsonNode cpu : array(file, root, field, "", MAX_CPUS)) {
            if (!cpu.isInt() || cpu.intValue() < 0 || cpu.intValue() > 65_535) {
                throw new RunReadException(file, field + "[" + cpus.size() + "] must be a CPU number from 0 to 65535");
            }
            cpus.add(cpu.intValue());
        }
        return cpus;
    }

    private static Iterable<JsonNode> array(Path file, JsonNode node, String field, String where, int max)
            throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new RunReadException(file, prefix(where) + field + " must be an array");
        }
        if (value.size() > max) {
            throw new RunReadException(file, prefix(where) + field + " holds " + value.size()
                    + " entries, more than " + max);
        }
        return value;
    }

    private static JsonNode object(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw new RunReadException(file, prefix(where) + field + " must be an object");
        }
        return value;
    }

    private static String name(Path file, JsonNode node, String field) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || !NAME.matcher(value.textValue()).matches()) {
            throw new RunReadException(file, field + " must be a name of letters and digits");
        }
        return value.textValue();
    }

    private static String label(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || !LABEL.matcher(value.textValue()).matches()) {
            throw new RunReadException(file, prefix(where) + field + " must be 1 to 64 letters, digits, '.', '_' or "
                    + "'-'");
        }
        return value.textValue();
    }

    private static String kernel(Path file, JsonNode node) throws RunReadException {
        JsonNode value = node.path("heavyKernel");
        if (!value.isTextual() || !KERNEL.matcher(value.textValue()).matches()) {
            throw new RunReadException(file, "heavyKernel must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return value.textValue();
    }

    private static String text(Path file, JsonNode value, String where) throws RunReadException {
        if (!value.isTextual() || value.textValue().length() > MAX_TEXT_CHARS) {
            throw new RunReadException(file, where + " must be a text of at most " + MAX_TEXT_CHARS + " characters");
        }
        return value.textValue();
    }

    private static long whole(Path file, JsonNode node, String field, String where, long min, long max)
            throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new RunReadException(file, prefix(where) + field + " must be a whole number from " + min + " to "
                    + max);
        }
        return value.longValue();
    }

    private static double number(Path file, JsonNode node, String field, String where, double max)
            throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0
                || value.doubleValue() > max) {
            throw new RunReadException(file, prefix(where) + field + " must be a finite number from 0 to "
                    + (max == Double.MAX_VALUE ? "any" : max == 1 ? "1" : (long) max));
        }
        return value.doubleValue();
    }

    private static double positive(Path file, JsonNode node, String field, String where, double max)
            throws RunReadException {
        double value = number(file, node, field, where, max);
        if (!(value > 0)) {
            throw new RunReadException(file, prefix(where) + field + " must be above 0");
        }
        return value;
    }

    private static double micros(Path file, JsonNode node, String field, String where) throws RunReadException {
        return number(file, node, field, where, Double.MAX_VALUE);
    }

    private static boolean bool(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new RunReadException(file, prefix(where) + field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ".";
    }
}
