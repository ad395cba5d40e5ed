package io.execbench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real fixtures of the report sections under {@code src/test/resources/report} (see the README there), and a
 * run folder combining them, as one run holding every suite would look.
 */
public final class ReportResources {

    private ReportResources() {
    }

    /** A fixture file or folder under {@code report/}, read in place; tests must never write there. */
    public static Path path(String relative) {
        URL url = ReportResources.class.getResource("/report/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no report fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code <parent>/<runId>/}: the scaling run's run.json, the jmh.json arrays of the scaling, models, IPC,
     * start-up and fault isolation fixtures joined into one, the fault logs in {@code faults/} (JMH's text kept as written), {@code latency/handoff.hlog}, and the
     * synthetic server fixture's {@code server/} and {@code latency/server-*.hlog}.
     */
    public static Path combinedRun(Path parent, String runId) {
        try {
            Path run = Files.createDirectories(parent.resolve(runId));
            Files.copy(path("scaling/run.json"), run.resolve("run.json"));
            List<String> arrays = new ArrayList<>();
            for (String suite : List.of("scaling", "models", "ipc", "startup", "faults")) {
                String text = Files.readString(path(suite + "/jmh.json")).strip();
                arrays.add(text.substring(1, text.length() - 1).strip()); // the elements, without [ and ]
            }
            Files.writeString(run.resolve("jmh.json"), "[\n" + String.join(",\n", arrays) + "\n]\n");
            Path latency = Files.createDirectories(run.resolve("latency"));
            Files.copy(path("latency/handoff.hlog"), latency.resolve("handoff.hlog"));
            try (var logs = Files.list(path("server/latency"))) {
                for (Path log : logs.toList()) {
                    Files.copy(log, latency.resolve(log.getFileName()));
                }
            }
            Path server = Files.createDirectories(run.resolve("server"));
            try (var files = Files.list(path("server/server"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, server.resolve(file.getFileName()));
                }
            }
            Path faults = Files.createDirectories(run.resolve("faults"));
            try (var logs = Files.list(path("faults/faults"))) {
                for (Path log : logs.toList()) {
                    Files.copy(log, faults.resolve(log.getFileName()));
                }
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
