package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.execbench.harness.read.RunInfo.Counts;
import io.execbench.harness.read.RunInfo.Cpu;
import io.execbench.harness.read.RunInfo.Failure;
import io.execbench.harness.read.RunInfo.Git;
import io.execbench.harness.read.RunInfo.Jvm;
import io.execbench.harness.read.RunInfo.Os;
import io.execbench.harness.read.RunInfo.Profile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code run.json} (results contract, schema version {@value #SUPPORTED_SCHEMA_VERSION}). The file is small, so
 * it is read as a tree and mapped field by field: that keeps unknown fields harmless and lets every problem name the
 * field at fault.
 */
public final class RunJsonReader {

    /** The newest schema version this harness understands. */
    public static final int SUPPORTED_SCHEMA_VERSION = 1;

    private final Path file;

    private RunJsonReader(Path file) {
        this.file = file;
    }

    /** Reads and validates {@code file}. */
    public static RunInfo read(Path file) throws RunReadException {
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || root.isMissingNode()) {
            throw new RunReadException(file, "empty file, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new RunReadException(file, "expected a JSON object");
        }
        return new RunJsonReader(file).info(root);
    }

    private RunInfo info(JsonNode root) throws RunReadException {
        JsonNode version = root.path("schemaVersion");
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new RunReadException(file, "schemaVersion is missing or not an integer");
        }
        if (version.intValue() > SUPPORTED_SCHEMA_VERSION) {
            throw new RunReadException(file, "schemaVersion " + version.intValue()
                    + " is newer than this harness supports (" + SUPPORTED_SCHEMA_VERSION + ")");
        }
        if (version.intValue() < 1) {
            throw new RunReadException(file, "schemaVersion " + version.intValue() + " is not valid (expected 1)");
        }
        String statusText = JsonFields.textOrNull(root.path("status"));
        if (statusText == null) {
            throw new RunReadException(file, "status is missing");
        }
        RunStatus status;
        try {
            status = RunStatus.parse(statusText);
        } catch (IllegalArgumentException e) {
            throw new RunReadException(file, e.getMessage());
        }
        JsonNode profile = root.path("profile");
        JsonNode git = root.path("git");
        JsonNode jvm = root.path("jvm");
        JsonNode os = root.path("os");
        JsonNode cpu = root.path("cpu");
        JsonNode counts = root.path("benchmarks");
        return new RunInfo(version.intValue(), text(root, "runId"), status,
                new Profile(text(profile, "name"), integer(profile, "forks"), integer(profile, "warmupIterations"),
                        longValue(profile, "warmupTimeMs"), integer(profile, "measurementIterations"),
                        longValue(profile, "measurementTimeMs")),
                text(root, "include"), instant(root, "startedAt"), instant(root, "endedAt"),
                new Git(text(git, "commit"), text(git, "shortCommit"),
                        git.path("dirty").isBoolean() ? git.path("dirty").booleanValue() : null),
                new Jvm(text(jvm, "vendor"), text(jvm, "version"), text(jvm, "vmName"), text(jvm, "vmVersion"),
                        JsonFields.strings(jvm.path("flags")), text(jvm, "jmhVersion")),
                new Os(text(os, "name"), text(os, "version"), text(os, "arch"), text(os, "distribution")),
                new Cpu(text(cpu, "model"), integer(cpu, "logicalCpus"), integer(cpu, "availableProcessors"),
                        text(cpu, "governor"), text(cpu, "cgroupCpuQuota"), longValue(cpu, "lastLevelCacheBytes")),
                text(root, "machineFingerprint"), JsonFields.texts(root.path("workload")),
                new Counts(integer(counts, "planned"), integer(counts, "completed"), integer(counts, "failed")),
                failures(root.path("failures")), JsonFields.textOrNull(root.path("interruption")), false);
    }

    private List<Failure> failures(JsonNode array) throws RunReadException {
        List<Failure> failures = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return failures;
        }
        if (!array.isArray()) {
            throw new RunReadException(file, "failures is not an array");
        }
        for (JsonNode failure : array) {
            failures.add(new Failure(text(failure, "benchmark"), JsonFields.texts(failure.path("params")),
                    text(failure, "error")));
        }
        return failures;
    }

    private static String text(JsonNode parent, String field) {
        String value = JsonFields.textOrNull(parent.path(field));
        return value == null ? RunInfo.UNKNOWN : value;
    }

    private Integer integer(JsonNode parent, String field) throws RunReadException {
        Long value = longValue(parent, field);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new RunReadException(file, field + " " + value + " is out of range");
        }
        return value == null ? null : value.intValue();
    }

    private Long longValue(JsonNode parent, String field) throws RunReadException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new RunReadException(file, field + " is not an integer: " + node);
        }
        return node.longValue();
    }

    private Instant instant(JsonNode parent, String field) throws RunReadException {
        String value = JsonFields.textOrNull(parent.path(field));
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new RunReadException(file, field + " '" + value + "' is not an ISO-8601 UTC instant");
        }
    }
}
