package io.execbench.harness.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's {@code server/} folder (results contract): one {@link ServerRun} per server configuration and the optional
 * {@link AbCheck}. A file that cannot be read is left out with a warning, one sentence naming it relative to the run
 * folder, and never stops the run (or its other files) being read; so is a {@code server/} that is not a real folder
 * or holds more than {@value #MAX_FILES} files.
 *
 * @param runs     in file name order
 * @param ab       {@code server/ab.json}, when present and readable
 * @param warnings one sentence per file left out
 */
public record ServerReadings(List<ServerRun> runs, Optional<AbCheck> ab, List<String> warnings) {

    /** The folder of a run that holds the files. */
    public static final String DIR = "server";
    /** The ab cross-check's file name. */
    public static final String AB_JSON = "ab.json";
    static final int MAX_FILES = 1000;
    /** A run without a server folder. */
    public static final ServerReadings NONE = new ServerReadings(List.of(), Optional.empty(), List.of());

    public ServerReadings {
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return runs.isEmpty() && ab.isEmpty() && warnings.isEmpty();
    }

    /** Reads {@code runDir/server/*.json}; never throws: every problem is a warning. */
    public static ServerReadings read(Path runDir) {
        List<Path> files;
        try {
            files = InputFiles.list(runDir.resolve(DIR), ".json", MAX_FILES, "server results files");
        } catch (RunReadException e) {
            return new ServerReadings(List.of(), Optional.empty(), List.of(warning(runDir, e)));
        }
        List<ServerRun> runs = new ArrayList<>();
        AbCheck ab = null;
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            try {
                if (file.getFileName().toString().equals(AB_JSON)) {
                    ab = ServerLogReader.readAb(file);
                } else {
                    runs.add(ServerLogReader.readRun(file));
                }
            } catch (RunReadException e) {
                warnings.add(warning(runDir, e));
            }
        }
        return new ServerReadings(runs, Optional.ofNullable(ab), warnings);
    }

    /**
     * The interval logs the steps name, read from {@code runDir/latency/}: a named log that is absent is simply not
     * in the map (the report says so where it would be drawn); one that cannot be read is a warning.
     */
    public ServerLogs readLogs(Path runDir) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> run.steps().forEach(step -> {
            if (step.hlog() != null) {
                names.add(step.hlog());
            }
        }));
        Map<String, LatencyLog> logs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Path file = runDir.resolve(LatencyLogReader.LATENCY_DIR).resolve(name);
            if (!InputFiles.present(file)) {
                continue;
            }
            try {
                logs.put(name, LatencyLogReader.read(file));
            } catch (RunReadException e) {
                problems.add(warning(runDir, e));
            }
        }
        return new ServerLogs(logs, problems);
    }

    /** The server steps' interval logs by the name a step gives, and why any could not be read. */
    public record ServerLogs(Map<String, LatencyLog> logs, List<String> warnings) {

        public static final ServerLogs NONE = new ServerLogs(Map.of(), List.of());

        public ServerLogs {
            logs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(logs));
            warnings = List.copyOf(warnings);
        }
    }

    /** The problem, naming the file relative to the run folder (no path of the reading machine in a report). */
    private static String warning(Path runDir, RunReadException e) {
        Path path = e.path();
        String name = path != null && path.startsWith(runDir) ? runDir.relativize(path).toString().replace('\\', '/')
                : String.valueOf(path == null ? "" : path.getFileName());
        return name + ": " + e.problem() + " (left out)";
    }
}
