package io.execbench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.execbench.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one fork of {@link MemoryFootprintBenchmark} measured, written into the run's {@code memory/} folder as
 * {@code <unit>-<pid>.json} (the results contract; the harness reads it with {@code read/MemoryReadings}):
 * <pre>
 * { "schemaVersion": 1, "unit": "platform", "blockingCall": "CountDownLatch.await()", "jvmOptions": ["-Xmx3g"],
 *   "limits": { "threadsMax": 192725, "threadsInUse": 114, "maxMapCount": 65530, "pidsMax": null, ... },
 *   "steps": [ { "count": 1, "rssBytes": 45010944, "pssBytes": 39102464, "threads": 20, "mappings": 512,
 *                "processes": 1, "memAvailableBytes": 24068484096, "startMs": 0.2 }, ... ],
 *   "stoppedAt": null }
 * </pre>
 * {@code limits}: {@link MachineLimits} when the sweep began; {@code steps}: one per count measured
 * ({@link MemorySweep.Step}), summed over the {@code processes} JVMs holding the units; {@code stoppedAt}:
 * {@code {"count": 1000000, "reason": "memory: ..."}} when a limit check ended the sweep before that count, else null.
 *
 * <p>The runner names the folder with the system property {@value #DIR_PROPERTY}; under plain JMH nothing is written.
 * Written through {@link DurableFiles}: a killed fork leaves a whole file or none.
 */
public final class MemoryLog {

    /** The system property naming the run's memory folder. */
    public static final String DIR_PROPERTY = "execbench.memory.dir";
    static final int SCHEMA_VERSION = 1;

    private MemoryLog() {
    }

    /** Writes the fork's file if the runner gave a folder; returns where. */
    public static Optional<Path> write(MemorySweep.Result sweep) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path target = Path.of(dir).resolve(sweep.unit().label() + "-" + ProcessHandle.current().pid() + ".json");
        try {
            DurableFiles.write(target, json(sweep));
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the memory log: " + e.getMessage(), e);
        }
    }

    static byte[] json(MemorySweep.Result sweep) throws IOException {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("schemaVersion", SCHEMA_VERSION);
        log.put("unit", sweep.unit().label());
        log.put("blockingCall", MemorySweep.BLOCKING_CALL);
        log.put("jvmOptions", MemorySweep.JVM_OPTIONS);
        log.put("limits", sweep.limits());
        log.put("steps", List.copyOf(sweep.steps()));
        log.put("stoppedAt", sweep.stoppedAt());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(log);
    }
}
