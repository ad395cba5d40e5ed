package io.execbench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code BenchMain --list-plan}: the plan of a profile as JSON lines, for a harness that runs the benchmarks itself
 * (the A/B comparison runs each planned benchmark as single JMH forks of two builds). First the budget of one fork,
 * {@code {"profile":"quick","warmupIterations":1,"warmupTimeMs":200,"measurementIterations":3,
 * "measurementTimeMs":200}}, then one line per benchmark, {@code {"benchmark":"io.execbench...run","mode":"avgt",
 * "params":{"kernel":"alu","workUnits":"1000"}}}, with {@code auto} params resolved for this machine and profile.
 */
final class PlanListing {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanListing() {
    }

    static void print(Profile profile, List<PlannedBenchmark> plan, PrintStream out) {
        ObjectNode budget = MAPPER.createObjectNode().put("profile", profile.label())
                .put("warmupIterations", profile.warmupIterations()).put("warmupTimeMs", profile.warmupTimeMs())
                .put("measurementIterations", profile.measurementIterations())
                .put("measurementTimeMs", profile.measurementTimeMs());
        out.println(budget);
        for (PlannedBenchmark benchmark : plan) {
            ObjectNode line = MAPPER.createObjectNode().put("benchmark", benchmark.benchmark())
                    .put("mode", benchmark.mode().shortLabel());
            ObjectNode params = line.putObject("params");
            benchmark.params().forEach(params::put);
            out.println(line);
        }
        out.flush();
    }
}
