package io.execbench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.execbench.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one fork of {@link FaultIsolationBenchmark} found, written into the run's {@code faults/} folder as
 * {@code <fault>-<pid>.json} (the results contract; the harness reads it with {@code read/FaultLogReader}):
 * <pre>
 * { "schemaVersion": 1, "fault": "exit",
 *   "cells": [ { "model": "inline", "fault": "exit", "jvmSurvived": false, "exitStatus": 42,
 *                "firstBatch": "the JVM died", "innocentTasks": 7, "lost": 7, "lostAfterRetry": 7,
 *                "poison": "lost with the JVM", "usable": false, "otherWorkerSurvived": null }, ... ],
 *   "recoveries": [ { "detectionMs": 12.5, "answerMs": 310.2, "otherWorkerSurvived": true }, ... ] }
 * </pre>
 * {@code cells}: one per model ({@link Survival.Cell}), measured by the first fork of a run only (empty in the
 * others); {@code recoveries}: per crash of a worker of the processes model, from the poisoned task sent to its
 * failure being detected, and to a replacement's first answer.
 *
 * <p>The runner names the folder with the system property {@value #DIR_PROPERTY}; under plain JMH nothing is written.
 * Written through {@link DurableFiles}: a killed fork leaves a whole file or none.
 */
public final class FaultLog {

    /** The system property naming the run's faults folder. */
    public static final String DIR_PROPERTY = "execbench.faults.dir";
    static final int SCHEMA_VERSION = 1;

    /** One crash of a worker and its replacement. */
    public record Recovery(double detectionMs, double answerMs, boolean otherWorkerSurvived) {
    }

    private FaultLog() {
    }

    /** Whether an earlier fork of this run already logged {@code fault}. */
    public static boolean logged(String fault) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            return false;
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(fault + "-")
                    && f.getFileName().toString().endsWith(".json"));
        } catch (IOException e) {
            return false; // then this fork measures the cells again: more time, nothing wrong
        }
    }

    /** Writes the fork's file if the runner gave a folder; returns where. */
    public static Optional<Path> write(String fault, List<Survival.Cell> cells, List<Recovery> recoveries) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path target = Path.of(dir).resolve(fault + "-" + ProcessHandle.current().pid() + ".json");
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("schemaVersion", SCHEMA_VERSION);
        log.put("fault", fault);
        log.put("cells", cells);
        log.put("recoveries", recoveries);
        try {
            DurableFiles.write(target, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(log));
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the fault log: " + e.getMessage(), e);
        }
    }
}
