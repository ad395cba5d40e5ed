package io.execbench.harness.read;

import java.util.List;
import java.util.Optional;

/**
 * One run as read from its folder: what ran where ({@link RunInfo}) and what JMH measured.
 *
 * @param folder  where the run was read from, and its id
 * @param info    run.json, or an "unknown environment" synthesized for a folder that holds only jmh.json
 * @param results jmh.json's elements in file order
 * @param floor   floor.json: the C floor of the IPC round trips, when the run measured one
 * @param memory  memory/*.json: the memory sweeps, one per fork and unit kind (empty when the run has none)
 * @param server  server/*.json: the server load sweeps and the ab cross-check, empty when the run has none
 */
public record Run(RunFolder folder, RunInfo info, List<BenchmarkResult> results, Optional<FloorReadings> floor,
                  List<MemoryReadings> memory, ServerReadings server) {

    public Run {
        results = List.copyOf(results);
        memory = List.copyOf(memory);
    }

    /** A run without server results. */
    public Run(RunFolder folder, RunInfo info, List<BenchmarkResult> results, Optional<FloorReadings> floor,
               List<MemoryReadings> memory) {
        this(folder, info, results, floor, memory, ServerReadings.NONE);
    }

    /** A run without memory sweeps. */
    public Run(RunFolder folder, RunInfo info, List<BenchmarkResult> results, Optional<FloorReadings> floor,
               ServerReadings server) {
        this(folder, info, results, floor, List.of(), server);
    }

    /** A run without memory sweeps or server results. */
    public Run(RunFolder folder, RunInfo info, List<BenchmarkResult> results, Optional<FloorReadings> floor) {
        this(folder, info, results, floor, List.of(), ServerReadings.NONE);
    }

    /** A run without a C floor. */
    public Run(RunFolder folder, RunInfo info, List<BenchmarkResult> results) {
        this(folder, info, results, Optional.empty());
    }

    /** The run id: the folder name without {@code .partial}. */
    public String id() {
        return folder.id();
    }
}
