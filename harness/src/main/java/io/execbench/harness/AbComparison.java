package io.execbench.harness;

import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.StoppingRule;
import io.execbench.harness.compare.ab.AbException;
import io.execbench.harness.compare.ab.AbMode;
import io.execbench.harness.compare.ab.AbResults;
import io.execbench.harness.compare.ab.AbSession;
import io.execbench.harness.compare.ab.BaselineBuilder;
import io.execbench.harness.compare.ab.Build;
import io.execbench.harness.compare.ab.DuetRounds;
import io.execbench.harness.compare.ab.DuetRunner;
import io.execbench.harness.compare.ab.ForkRunner;
import io.execbench.harness.compare.ab.Plan;
import io.execbench.harness.compare.ab.PlanReader;
import io.execbench.harness.compare.ab.PrivateTemp;
import io.execbench.harness.write.AbReport;
import io.execbench.harness.write.AtomicFiles;
import io.execbench.harness.write.ReportWriter;
import io.execbench.harness.write.VerdictFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An A/B comparison from start to end, reading like its steps: build the baseline, list what the candidate plans,
 * run interleaved rounds, judge, write. Results go to {@code <results>/ab/<id>.partial/} while it runs (the forks'
 * JMH JSON and logs in {@code forks/}) and the folder is renamed to {@code <id>/} when the verdict files are written;
 * then its page is written to {@code <reports>/ab/<id>/index.html} and the reports' index rewritten to list it.
 */
public final class AbComparison {

    /**
     * The session's budget.
     *
     * @param maxRounds  paired rounds at most (a warm-up round comes first, unpaired)
     * @param timeBudget no pair starts after this long
     * @param seed       the shuffles' seed
     */
    public record Settings(int maxRounds, Duration timeBudget, long seed) {

        /** The profile's defaults, each overridden where given. */
        public static Settings forProfile(String profile, Integer maxRounds, Integer timeBudgetMinutes, long seed) {
            int rounds = switch (profile) {
                case "smoke" -> 8;
                case "full" -> 30;
                default -> 20;
            };
            int minutes = switch (profile) {
                case "smoke" -> 15;
                case "full" -> 180;
                // quick: room for the 8 rounds a verdict needs on KernelBenchmark and ScalingBenchmark together here
                // (about 5 min a round on 2 vCPUs), and at most 3 times a quick main job, whatever is compared
                default -> 50;
            };
            return new Settings(maxRounds != null ? maxRounds : rounds,
                    Duration.ofMinutes(timeBudgetMinutes != null ? timeBudgetMinutes : minutes), seed);
        }
    }

    /** The verdicts, the folder they were written to, and the comparison's page. */
    public record Outcome(Comparison comparison, Path folder, Path page) {
    }

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Path maven;
    private final Path resultsDir;
    private final Path reportsDir;
    private final ComparisonSettings settings;
    private final Settings budget;
    private final Consumer<String> progress;
    private AbMode mode = AbMode.AUTO;
    private java.util.Map<String, java.util.Set<String>> params = java.util.Map.of();
    private List<String> workloadRunnerArgs = List.of();
    private List<String> workloadJvmArgs = List.of();

    public AbComparison(Path root, Path maven, Path resultsDir, Path reportsDir, ComparisonSettings settings,
                        Settings budget, Consumer<String> progress) {
        this.root = root;
        this.maven = maven;
        this.resultsDir = resultsDir;
        this.reportsDir = reportsDir;
        this.settings = settings;
        this.budget = budget;
        this.progress = progress;
    }

    /**
     * How single-threaded benchmarks run: {@code interleaved}, {@code duet} (both builds at once, pinned to two
     * CPUs) or {@code auto} (duets where enough CPUs are allowed; {@link AbMode#AUTO_DUET_MIN_CPUS}).
     */
    public AbComparison withMode(String mode) throws AbException {
        try {
            this.mode = AbMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new AbException(e.getMessage());
        }
        return this;
    }

    /** Keeps only the planned benchmarks whose {@code @Param} {@code name} is one of the values given for it. */
    public AbComparison withParams(java.util.Map<String, java.util.Set<String>> params) {
        this.params = java.util.Map.copyOf(params);
        return this;
    }

    /**
     * A user's own workload (docs/workload.md): the candidate's runner checks it and plans its sizes, and every fork
     * of either build loads it (both builds must have the workload suites). Blank: none.
     */
    public AbComparison withWorkload(String className, String path, String sizes) {
        if (className == null || className.isBlank()) {
            return this;
        }
        workloadRunnerArgs = List.of("--workload=" + className, "--workload-path=" + path,
                "--workload-sizes=" + (sizes == null ? "" : sizes));
        // The runner's own names for them (io.execbench.workload.UserWorkload); ForkRunner quotes them for JMH.
        workloadJvmArgs = List.of("-Dexecbench.workload.class=" + className, "-Dexecbench.workload.path=" + path);
        return this;
    }

    /** Compares {@code againstRef} (A) with the working tree (B) over the benchmarks the profile plans. */
    public Outcome run(String againstRef, String profile, String include)
            throws AbException, IOException, InterruptedException {
        StoppingRule rule;
        try {
            rule = StoppingRule.of(settings, budget.maxRounds());
        } catch (IllegalArgumentException e) {
            throw new AbException(e.getMessage());
        }
        BaselineBuilder builder = new BaselineBuilder(root, maven, progress);
        Build candidate = builder.candidate();
        Build baseline = builder.build(againstRef);
        Instant startedAt = Instant.now();
        String id = ID_TIME.format(startedAt) + "_ab_" + abbreviate(baseline) + "-" + abbreviate(candidate)
                + (candidate.ref().contains("uncommitted") ? "+" : "");
        Path partial = Files.createDirectories(resultsDir.resolve("ab").resolve(id + ".partial"));
        Path forks = Files.createDirectories(partial.resolve("forks"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<AbSession.Track> tracks;
        Plan.Budget forkBudget;
        // The forks' temporary files go to a private folder of short path, deleted when the rounds end.
        try (PrivateTemp temp = PrivateTemp.create("execbench-ab-")) {
            Plan plan = PlanReader.restrict(PlanReader.read(java, candidate, profile, include, forks, temp.path(),
                    workloadRunnerArgs), params);
            boolean canary = baseline.hasCanary() && candidate.hasCanary();
            progress.accept(String.format(Locale.ROOT, "A/B: %d benchmarks, profile %s, 1 warm-up round then"
                            + " %d to %d paired rounds (seed %d)%s; results in %s", plan.benchmarks().size(), profile,
                    rule.minRounds(), rule.maxRounds(), budget.seed(),
                    canary ? "" : "; no per-iteration canary (one build lacks it)", partial));
            ForkRunner forkRunner;
            try {
                forkRunner = new ForkRunner(java, plan.budget(), forks, temp.path(), canary, workloadJvmArgs);
            } catch (IllegalArgumentException e) {
                throw new AbException(e.getMessage());
            }
            AbSession session = new AbSession(baseline, candidate, forkRunner, settings, rule, budget.timeBudget(),
                    budget.seed(), System::nanoTime, progress);
            AbMode.Pinning pinning = mode == AbMode.INTERLEAVED ? null : AbMode.Pinning.detect();
            long duets = pinning == null ? 0
                    : plan.benchmarks().stream().filter(k -> mode.duet(k, pinning)).count();
            if (duets == 0) {
                if (mode == AbMode.DUET && pinning.problem() != null) {
                    progress.accept(pinning.problem());
                }
                tracks = session.run(plan.benchmarks());
            } else {
                int[] cpus = pinning.cpus();
                progress.accept(String.format(Locale.ROOT, "mode %s: %d single-threaded benchmarks as duets on"
                        + " CPUs %d and %d (swapped within each round), the other %d interleaved", mode.label(), duets,
                        cpus[0], cpus[1], plan.benchmarks().size() - duets));
                try (DuetRunner runner = new DuetRunner(forkRunner, baseline, candidate,
                        AbMode.Pinning.taskset())) {
                    tracks = session.withDuets(new DuetRounds(runner, cpus[0], cpus[1]),
                            k -> mode.duet(k, pinning)).run(plan.benchmarks());
                }
            }
            forkBudget = plan.budget();
        }

        int rounds = tracks.stream().mapToInt(AbSession.Track::pairCount).max().orElse(0);
        Comparison comparison = AbResults.comparison(id, baseline, candidate, tracks, rounds, settings, profile,
                rule.maxRounds(), forkBudget);
        VerdictFiles.write(comparison, partial);
        AtomicFiles.write(partial.resolve("ab.json"), AbResults.json(comparison, baseline, candidate, tracks,
                profile, startedAt, Instant.now(), rule.minRounds(), rule.maxRounds(), mode.label(), forkBudget));
        Path done = resultsDir.resolve("ab").resolve(id);
        Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        Path page = ReportWriter.write(AbReport.page(id, comparison), reportsDir);
        refreshIndex();
        return new Outcome(comparison, done, page);
    }

    /**
     * Rewrites the reports' index so that it lists this comparison (the A/B job runs no {@code report}). The verdict
     * files and the page are written by then: an index that cannot be rewritten is a warning, never a lost verdict.
     */
    private void refreshIndex() {
        try {
            ReportsIndex.write(resultsDir, reportsDir, progress);
        } catch (IOException e) {
            progress.accept("warning: " + reportsDir.resolve(ReportWriter.INDEX_HTML) + " not rewritten: "
                    + e.getMessage());
        }
    }

    private static String abbreviate(Build build) {
        return build.commit().length() >= 7 ? build.commit().substring(0, 7) : "unknown";
    }
}
