package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of run.json that {@link RunInfo} leaves as text but the report's analyses need: the {@code topology}
 * object (schema 1, written by {@code io.execbench.topology.Topology}) and the scaling plan's notes in
 * {@code workload.scalingPlanNotes} and {@code workload.launchNotes}, and the machine's limits on threads, mappings and
 * memory ({@code limits}, shown beside the topology). Everything is optional: a folder without run.json, or a run.json from before
 * these fields, gives {@link #UNKNOWN}.
 *
 * @param logicalCpus       the logical CPUs the run could use: {@code topology.logicalCpus}, else
 *                          {@code cpu.logicalCpus}; null when unknown
 * @param usableCpus        the CPUs the run's threads could actually run on at once: the least of the logical CPUs,
 *                          the allowed CPU set ({@code topology.allowedCpus}) and a numeric cgroup quota
 *                          ({@code topology.cgroupCpuQuota}, e.g. 1.5); null when none of them is known
 * @param topology          topology fields, then the machine's limits, as label to text, in a reading order (empty
 *                          when absent)
 * @param scalingPlanNotes  what the scaling sweep skipped on this machine and why
 * @param userWorkload      what the runner wrote of a user's workload in {@code workload.userWorkload}, or
 *                          {@link UserWorkloadFacts#UNKNOWN}
 * @param launchNotes       which process launch mechanisms this JDK refused or warned about
 *                          ({@code workload.launchNotes})
 */
public record MachineFacts(Integer logicalCpus, Double usableCpus, Map<String, String> topology,
                           List<String> scalingPlanNotes, UserWorkloadFacts userWorkload, List<String> launchNotes) {

    public static final MachineFacts UNKNOWN = new MachineFacts(null, null, Map.of(), List.of(),
            UserWorkloadFacts.UNKNOWN, List.of());

    public MachineFacts {
        topology = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topology));
        scalingPlanNotes = List.copyOf(scalingPlanNotes);
        launchNotes = List.copyOf(launchNotes);
    }

    /** Reads {@code runDir/run.json}; {@link #UNKNOWN} when there is none. */
    public static MachineFacts read(Path runDir) throws RunReadException {
        Path file = runDir.resolve(RunReader.RUN_JSON);
        if (!InputFiles.present(file)) {
            return UNKNOWN;
        }
        JsonNode root = JsonProblems.readTree(file, InputFiles.SMALL_JSON_MAX_BYTES);
        if (root == null || !root.isObject()) {
            throw new RunReadException(file, "expected a JSON object");
        }
        JsonNode topology = root.path("topology");
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "Sockets", topology.path("sockets"));
        put(fields, "Physical cores", topology.path("physicalCores"));
        put(fields, "Logical CPUs", topology.path("logicalCpus"));
        put(fields, "SMT threads per core", topology.path("smtThreadsPerCore"));
        put(fields, "SMT active", topology.path("smtActive"));
        put(fields, "SMT sibling sets", topology.path("siblingSets"));
        put(fields, "Allowed CPUs", topology.path("allowedCpus"));
        put(fields, "cgroup CPU quota", topology.path("cgroupCpuQuota"));
        put(fields, "availableProcessors", topology.path("availableProcessors"));
        List<String> caches = new ArrayList<>();
        for (JsonNode cache : topology.path("caches")) {
            caches.add("L" + cache.path("level").asText("?") + " " + cache.path("type").asText("?") + " "
                    + cache.path("sizeBytes").asText("?") + " bytes, shared by CPUs " + cache.path("sharedWith"));
        }
        if (!caches.isEmpty()) {
            fields.put("Caches (CPU 0's view)", String.join("; ", caches));
        }
        JsonNode limits = root.path("limits");
        if (limits.isObject()) {
            put(fields, "threads-max (kernel)", limits.path("threadsMax"));
            put(fields, "Threads in use at the start", limits.path("threadsInUse"));
            put(fields, "max_map_count (per process)", limits.path("maxMapCount"));
            fields.put("cgroup pids.max", JsonFields.textOrNull(limits.path("pidsMax")) == null ? "no limit"
                    : JsonFields.textOrNull(limits.path("pidsMax")));
            put(fields, "RLIMIT_NPROC", limits.path("processLimit"));
            put(fields, "MemTotal (bytes)", limits.path("memTotalBytes"));
            put(fields, "MemAvailable at the start (bytes)", limits.path("memAvailableBytes"));
            fields.put("cgroup memory limit (bytes)", JsonFields.textOrNull(limits.path("cgroupMemoryMaxBytes"))
                    == null ? "no limit" : JsonFields.textOrNull(limits.path("cgroupMemoryMaxBytes")));
        }
        JsonNode logical = topology.path("logicalCpus").canConvertToInt() ? topology.path("logicalCpus")
                : root.path("cpu").path("logicalCpus");
        Integer logicalCpus = logical.isIntegralNumber() && logical.intValue() > 0 ? logical.intValue() : null;
        JsonNode workload = root.path("workload");
        return new MachineFacts(logicalCpus, usableCpus(logicalCpus, topology), fields,
                JsonFields.strings(workload.path("scalingPlanNotes")),
                UserWorkloadFacts.of(workload.path("userWorkload")), JsonFields.strings(workload.path("launchNotes")));
    }

    private static Double usableCpus(Integer logicalCpus, JsonNode topology) {
        Double usable = logicalCpus == null ? null : logicalCpus.doubleValue();
        JsonNode allowed = topology.path("allowedCpus");
        if (allowed.isArray() && !allowed.isEmpty()) {
            usable = usable == null ? allowed.size() : Math.min(usable, allowed.size());
        }
        try {
            double quota = Double.parseDouble(topology.path("cgroupCpuQuota").asText("max"));
            if (quota > 0 && Double.isFinite(quota)) {
                usable = usable == null ? quota : Math.min(usable, quota);
            }
        } catch (NumberFormatException notANumber) {
            // "max" (no limit) or "unknown": the quota does not limit what is known
        }
        return usable;
    }

    private static void put(Map<String, String> fields, String label, JsonNode node) {
        String text = JsonFields.textOrNull(node);
        if (text != null) {
            fields.put(label, text);
        }
    }
}
