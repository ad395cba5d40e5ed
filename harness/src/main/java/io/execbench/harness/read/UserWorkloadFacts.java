package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What run.json says of a user's own workload ({@code workload.userWorkload}, written by the runner after checking
 * it): what its size counts and how many tasks one batch of {@code WorkloadOffloadBenchmark} runs, so that a batch
 * time becomes a time per call. Untrusted like every field of a results file: {@code sizeUnit} is shown escaped and
 * cut to {@value #MAX_UNIT_CHARS} characters; a missing or odd field reads as unknown.
 *
 * @param sizeUnit      e.g. {@code bytes hashed}; {@code size} when unknown
 * @param tasksPerBatch tasks per benchmark call, or 0 when unknown
 */
public record UserWorkloadFacts(String sizeUnit, int tasksPerBatch) {

    public static final UserWorkloadFacts UNKNOWN = new UserWorkloadFacts("size", 0);
    static final int MAX_UNIT_CHARS = 60;

    static UserWorkloadFacts of(JsonNode node) {
        if (!node.isObject()) {
            return UNKNOWN;
        }
        String unit = JsonFields.textOrNull(node.path("sizeUnit"));
        unit = unit == null || unit.isBlank() ? "size" : unit.strip();
        if (unit.length() > MAX_UNIT_CHARS) {
            unit = unit.substring(0, MAX_UNIT_CHARS) + "...";
        }
        JsonNode tasks = node.path("tasksPerBatch");
        int tasksPerBatch = tasks.canConvertToInt() && tasks.intValue() > 0 && tasks.intValue() <= 1 << 20
                ? tasks.intValue() : 0;
        return new UserWorkloadFacts(unit, tasksPerBatch);
    }
}
