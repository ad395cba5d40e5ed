package io.execbench.harness;

import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.compare.ab.AbException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ab}: measures a git ref (A) against the working tree (B) in one sitting, in interleaved rounds. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Builds REF in a git worktree under target/ab/, then runs every planned benchmark of the",
                "working tree and of REF in interleaved rounds (one fork each per round, order shuffled), pairs",
                "the two forks of each round, and judges each benchmark by the Wilcoxon signed-rank test and the",
                "Hodges-Lehmann ratio with its interval, stopping each once decided. Writes results/ab/<id>/ with",
                "ab.json (the pairs), verdict.json, verdict-junit.xml and verdict.md, and the forks' JMH output;",
                "then its page, reports/ab/<id>/index.html, and reports/index.html again, listing it.",
                "Exit codes: 0 compared; 4 a benchmark regressed and --fail-on-regression is set; 2 bad",
                "arguments, a ref that does not resolve or build; 1 other errors."})
final class AbCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--against", required = true, paramLabel = "REF", description = "The baseline: any git ref.")
    private String against;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".", description = "The project's root (a git checkout).")
    private Path root;

    @Option(names = "--maven", paramLabel = "FILE", defaultValue = "mvn", description = "The mvn that builds REF.")
    private Path maven;

    @Option(names = "--profile", defaultValue = "quick", description = "smoke, quick or full: each fork's budget.")
    private String profile;

    @Option(names = "--include", defaultValue = ".*", description = "Regular expression over benchmark names.")
    private String include;

    @Option(names = "--results", paramLabel = "DIR", description = "Where results/ab/<id>/ goes (default <root>/results).")
    private Path results;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where reports/ab/<id>/ goes (default <root>/reports).")
    private Path reports;

    @Option(names = "--max-rounds", paramLabel = "N",
            description = "Paired rounds at most (default: smoke 8, quick 20, full 30).")
    private Integer maxRounds;

    @Option(names = "--time-budget", paramLabel = "MINUTES",
            description = "No new pair after this long (default: smoke 15, quick 50, full 180).")
    private Integer timeBudgetMinutes;

    @Option(names = "--mode", defaultValue = "auto", paramLabel = "interleaved|duet|auto",
            description = "How single-threaded benchmarks run: interleaved (one build after the other), duet (both"
                    + " at once, each pinned to its own CPU, iterations paired, CPUs swapped within each round), or"
                    + " auto (duet wherever two CPUs can be pinned: measured, see docs/ab.md). Multi-threaded suites"
                    + " (cpu, ipc, scaling) are always interleaved. Default: ${DEFAULT-VALUE}.")
    private String mode;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1,V2",
            description = "Only the planned benchmarks whose @Param NAME is one of the values (repeatable).")
    private java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Option(names = "--workload", defaultValue = "", paramLabel = "CLASS",
            description = "a user's own workload (docs/workload.md), planned and run by both builds")
    String workload;

    @Option(names = "--workload-path", defaultValue = "", paramLabel = "JAR_OR_FOLDER",
            description = "the jar or classes folder holding --workload (relative: from --root)")
    String workloadPath;

    @Option(names = "--workload-sizes", defaultValue = "", paramLabel = "N,N,...",
            description = "measure --workload at these sizes instead of those the candidate calibrates")
    String workloadSizes;

    @Option(names = "--seed", description = "Seed of the shuffles (default: from the clock; recorded in ab.json).")
    private Long seed;

    @Mixin
    private VerdictOptions verdicts;

    @Override
    public Integer call() throws Exception {
        ComparisonSettings settings = verdicts.settings();
        PrintWriter out = spec.commandLine().getOut();
        AbComparison.Settings ab = AbComparison.Settings.forProfile(profile, maxRounds, timeBudgetMinutes,
                seed != null ? seed : System.nanoTime());
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path resultsDir = results != null ? results : absoluteRoot.resolve("results");
        // A child JMH must not outlive an interrupted comparison.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroyForcibly)));
        AbComparison.Outcome outcome;
        try {
            outcome = new AbComparison(absoluteRoot, maven, resultsDir,
                    reports != null ? reports : absoluteRoot.resolve("reports"), settings, ab,
                    line -> Console.line(out, line)).withMode(mode).withParams(paramSets())
                    .withWorkload(workload, workloadPath.isBlank() ? "" : absoluteRoot.resolve(workloadPath).toString(),
                            workloadSizes)
                    .run(against, profile, include);
        } catch (AbException e) {
            Console.line(spec.commandLine().getErr(), "error: " + e.getMessage());
            return HarnessMain.BAD_INPUT;
        }
        print(outcome.comparison(), outcome.folder(), out);
        Console.line(out, "A/B report: " + outcome.page());
        return verdicts.exitCode(outcome.comparison());
    }

    private java.util.Map<String, java.util.Set<String>> paramSets() {
        java.util.Map<String, java.util.Set<String>> sets = new java.util.LinkedHashMap<>();
        params.forEach((name, values) -> sets.put(name, new java.util.LinkedHashSet<>(List.of(values.split(",")))));
        return sets;
    }

    private static void print(Comparison comparison, Path folder, PrintWriter out) {
        Console.line(out, "A/B verdict: " + comparison.countsLine());
        Console.line(out, "  " + comparison.currentId() + " against " + comparison.baselineId());
        for (BenchmarkComparison b : comparison.benchmarks()) {
            if (b.verdict() != Verdict.UNCHANGED) {
                Console.format(out, "  %-14s %s: %s", b.verdict().label(), b.key().label(), b.reason());
            }
        }
        Console.line(out, "A/B results: " + folder + " (ab.json, verdict.json, verdict-junit.xml, verdict.md)");
        out.flush();
    }
}
