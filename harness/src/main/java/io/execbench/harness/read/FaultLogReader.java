package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a run's {@code faults/*.json} ({@link FaultLog}) as untrusted input: regular files only, each at most
 * {@link InputFiles#SMALL_JSON_MAX_BYTES}, at most {@value #MAX_FILES} of them; every field's type and range checked.
 * Any problem is one {@link RunReadException} naming the file and the field. Never writes.
 */
public final class FaultLogReader {

    /** The folder of a run that holds the logs. */
    public static final String FAULTS_DIR = "faults";
    static final int MAX_FILES = 1000;
    static final int MAX_CELLS = 100;
    static final int MAX_RECOVERIES = 100_000;
    static final int MAX_TASKS = 1_000_000;
    static final int MAX_TEXT_CHARS = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private FaultLogReader() {
    }

    /** Every log in {@code runDir/faults}, by file name; empty when the folder does not exist. */
    public static List<FaultLog> readAll(Path runDir) throws RunReadException {
        List<Path> files = InputFiles.list(runDir.resolve(FAULTS_DIR), ".json", MAX_FILES, "fault logs");
        List<FaultLog> logs = new ArrayList<>();
        for (Path file : files) {
            logs.add(read(file));
        }
        return logs;
    }

    /** Reads one log. */
    public static FaultLog read(Path file) throws RunReadException {
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || !root.isObject()) {
            throw new RunReadException(file, "expected a JSON object (a fault isolation log)");
        }
        JsonNode version = root.path("schemaVersion");
        if (!version.isInt() || version.intValue() != 1) {
            throw new RunReadException(file, "schemaVersion must be 1, the only fault log format this harness reads");
        }
        String fault = name(file, root, "fault");
        List<FaultLog.Cell> cells = new ArrayList<>();
        for (JsonNode cell : array(file, root, "cells", MAX_CELLS)) {
            String where = "cells[" + cells.size() + "]";
            Integer exitStatus = cell.path("exitStatus").isNull() || cell.path("exitStatus").isMissingNode() ? null
                    : integer(file, cell, "exitStatus", where, -1_000_000, 1_000_000);
            JsonNode other = cell.path("otherWorkerSurvived");
            cells.add(new FaultLog.Cell(name(file, cell, "model", where), bool(file, cell, "jvmSurvived", where),
                    exitStatus, text(file, cell, "firstBatch", where), integer(file, cell, "innocentTasks", where, 0,
                    MAX_TASKS), integer(file, cell, "lost", where, 0, MAX_TASKS),
                    integer(file, cell, "lostAfterRetry", where, 0, MAX_TASKS), text(file, cell, "poison", where),
                    bool(file, cell, "usable", where),
                    other.isNull() || other.isMissingNode() ? null : bool(file, cell, "otherWorkerSurvived", where)));
        }
        List<FaultLog.Recovery> recoveries = new ArrayList<>();
        for (JsonNode recovery : array(file, root, "recoveries", MAX_RECOVERIES)) {
            String where = "recoveries[" + recoveries.size() + "]";
            recoveries.add(new FaultLog.Recovery(millis(file, recovery, "detectionMs", where),
                    millis(file, recovery, "answerMs", where), bool(file, recovery, "otherWorkerSurvived", where)));
        }
        return new FaultLog(file, fault, cells, recoveries);
    }

    private static Iterable<JsonNode> array(Path file, JsonNode root, String field, int max) throws RunReadException {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw new RunReadException(file, field + " must be an array");
        }
        if (node.size() > max) {
            throw new RunReadException(file, field + " holds " + node.size() + " entries, more than " + max);
        }
        return node;
    }

    private static String name(Path file, JsonNode node, String field) throws RunReadException {
        return name(file, node, field, "");
    }

    private static String name(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || !NAME.matcher(value.textValue()).matches()) {
            throw new RunReadException(file, prefix(where) + field + " must be a name of letters and digits");
        }
        return value.textValue();
    }

    private static String text(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.textValue().length() > MAX_TEXT_CHARS) {
            throw new RunReadException(file, prefix(where) + field + " must be a text of at most " + MAX_TEXT_CHARS
                    + " characters");
        }
        return value.textValue();
    }

    private static int integer(Path file, JsonNode node, String field, String where, int min, int max)
            throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isInt() || value.intValue() < min || value.intValue() > max) {
            throw new RunReadException(file, prefix(where) + field + " must be a whole number from " + min + " to "
                    + max);
        }
        return value.intValue();
    }

    private static boolean bool(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new RunReadException(file, prefix(where) + field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static double millis(Path file, JsonNode node, String field, String where) throws RunReadException {
        JsonNode value = node.path(field);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0
                || value.doubleValue() > 86_400_000) {
            throw new RunReadException(file, prefix(where) + field + " must be a number of milliseconds from 0 to a day");
        }
        return value.doubleValue();
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ".";
    }
}
