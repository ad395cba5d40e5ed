package io.execbench.server;

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

/**
 * The load experiment's files in the run's {@code server/} folder (the results contract, schema 1; the harness reads
 * them with {@code read/ServerReadings}):
 * <ul>
 *   <li>{@code <label>.json}: one server setup's sweep: {@code schema}, {@code model}, {@code label},
 *       {@code poolSize}, {@code processes}, {@code heavyKernel}, {@code heavyWorkUnits}, {@code heavyMs} (what one
 *       heavy request took as the sweep measured it: the heavy route's p50 at the first step), {@code connections},
 *       {@code serverCpus}, {@code generatorCpus}, {@code pinned}, {@code p99BoundMs}, {@code steps}
 *       ({@link LoadSweep.Step}, in sweep order), {@code capacity} (the closed-loop heavy-only throughput,
 *       {@link LoadSweep.Capacity}) and {@code notes};</li>
 *   <li>{@code ab.json}: ApacheBench's cross-check ({@link AbCrossCheck}).</li>
 * </ul>
 * The runner names the folder with the system property {@value #DIR_PROPERTY}; under plain JMH nothing is written.
 * Written through {@link DurableFiles}: a killed fork leaves a whole file or none.
 */
public final class ServerLog {

    /** The system property naming the run's server folder. */
    public static final String DIR_PROPERTY = "execbench.server.dir";
    static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ServerLog() {
    }

    /** The run's server folder, when the runner named one. */
    static Optional<Path> folder() {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** Whether an earlier fork of this run already wrote {@code label}'s sweep. */
    static boolean written(String label) {
        return folder().map(dir -> Files.isRegularFile(dir.resolve(label + ".json"))).orElse(false);
    }

    /** One setup's sweep, as the file's fields. */
    record Sweep(ServerSetup setup, int heavyWorkUnits, double heavyMs, int connections, List<Integer> serverCpus,
                 List<Integer> generatorCpus, boolean pinned, List<LoadSweep.Step> steps, LoadSweep.Capacity capacity,
                 List<String> notes) {
    }

    static Optional<Path> write(Sweep sweep) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("schema", SCHEMA);
        file.put("model", sweep.setup().model());
        file.put("label", sweep.setup().label());
        file.put("poolSize", sweep.setup().poolSize());
        file.put("processes", sweep.setup().processes());
        file.put("heavyKernel", "alu");
        file.put("heavyWorkUnits", sweep.heavyWorkUnits());
        file.put("heavyMs", sweep.heavyMs());
        file.put("connections", sweep.connections());
        file.put("serverCpus", sweep.serverCpus());
        file.put("generatorCpus", sweep.generatorCpus());
        file.put("pinned", sweep.pinned());
        file.put("p99BoundMs", LoadSweep.P99_BOUND_MS);
        file.put("steps", sweep.steps());
        file.put("capacity", sweep.capacity());
        file.put("notes", sweep.notes());
        return write(sweep.setup().label() + ".json", file);
    }

    static Optional<Path> writeAb(Map<String, Object> crossCheck) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("schema", SCHEMA);
        file.putAll(crossCheck);
        return write("ab.json", file);
    }

    private static Optional<Path> write(String name, Map<String, Object> content) {
        Optional<Path> dir = folder();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path target = dir.get().resolve(name);
        try {
            DurableFiles.createFolders(dir.get());
            DurableFiles.write(target, JSON.writeValueAsBytes(content));
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the server log: " + e.getMessage(), e);
        }
    }
}
