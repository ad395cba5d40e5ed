package io.execbench.harness.compare.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.harness.compare.BenchmarkKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks the candidate build what to measure: {@code java -cp <candidate> io.execbench.runner.BenchMain --list-plan
 * --profile=P --include=R} prints the profile's budget as one JSON object, then one object per planned benchmark
 * ({@code benchmark}, {@code mode}, {@code params}), exactly as the runner itself would plan them, {@code auto}
 * params resolved for this machine and profile. Both builds then run those very forks.
 */
public final class PlanReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_S = 120;

    private PlanReader() {
    }

    /**
     * @param scratch    the folder for the listing ({@code plan.jsonl})
     * @param temp       the runner's {@code java.io.tmpdir}
     * @param runnerArgs more arguments of the runner, e.g. a user's workload ({@code --workload=...})
     */
    public static Plan read(Path java, Build candidate, String profile, String include, Path scratch, Path temp,
                            List<String> runnerArgs) throws AbException, InterruptedException {
        Path output = scratch.resolve("plan.jsonl");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Djava.io.tmpdir=" + temp, "-cp",
                candidate.classpathArgument(), "io.execbench.runner.BenchMain", "--list-plan",
                "--profile=" + profile, "--include=" + include));
        command.addAll(runnerArgs);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            try {
                if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AbException("the candidate build could not plan the benchmarks (--profile=" + profile
                            + " --include=" + include + "): " + tail(output));
                }
            } finally {
                process.destroyForcibly();
            }
            return parse(Files.readAllLines(output, StandardCharsets.UTF_8), profile);
        } catch (IOException e) {
            throw new AbException("cannot list the candidate's benchmarks: " + e.getMessage());
        }
    }

    /** Parses the listing; lines that are not JSON objects (a JVM warning, say) are skipped. */
    static Plan parse(List<String> lines, String profile) throws AbException {
        Plan.Budget budget = null;
        List<BenchmarkKey> keys = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (IOException e) {
                throw new AbException("the candidate's plan has a line that is not JSON: " + line);
            }
            if (node.has("measurementIterations")) {
                budget = new Plan.Budget(node.path("warmupIterations").asInt(), node.path("warmupTimeMs").asInt(),
                        node.path("measurementIterations").asInt(), node.path("measurementTimeMs").asInt());
            } else if (node.has("benchmark")) {
                Map<String, String> params = new LinkedHashMap<>();
                node.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
                keys.add(new BenchmarkKey(node.path("benchmark").asText(), node.path("mode").asText(), params));
            }
        }
        if (budget == null || budget.measurementIterations() < 1) {
            throw new AbException("the candidate's plan names no budget (does this build's runner know"
                    + " --list-plan?)");
        }
        if (keys.isEmpty()) {
            throw new AbException("the include pattern selects no benchmark");
        }
        return new Plan(profile, budget, keys);
    }

    /**
     * The plan's benchmarks whose params match {@code params} (name to allowed values; a benchmark without such a
     * param is dropped); the plan itself when {@code params} is empty.
     */
    public static Plan restrict(Plan plan, Map<String, java.util.Set<String>> params) throws AbException {
        if (params.isEmpty()) {
            return plan;
        }
        List<BenchmarkKey> kept = plan.benchmarks().stream().filter(key -> params.entrySet().stream()
                .allMatch(p -> p.getValue().contains(key.params().get(p.getKey())))).toList();
        if (kept.isEmpty()) {
            throw new AbException("no planned benchmark has the params " + params);
        }
        return new Plan(plan.profile(), plan.budget(), kept);
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
