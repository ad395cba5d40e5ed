package io.execbench.runner;

import io.execbench.child.ProcessTree;
import io.execbench.floor.CFloor;
import io.execbench.process.LaunchMechanisms;
import io.execbench.scaling.ScalingPlan;
import io.execbench.workload.Kernels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job's first half: runs the planned benchmarks of a profile, one at a time, and writes
 * {@code results/<run-id>/}. The harness renders the report from that folder.
 *
 * <p>Exit status: 0 every benchmark produced a result; 3 the run finished but some benchmarks failed (listed in
 * run.json); 2 bad arguments, or a {@code --workload} that failed its check (said in one sentence; every other
 * benchmark still ran and was recorded); 130 or 143 interrupted by SIGINT or SIGTERM (the run is kept as
 * {@code <run-id>.partial/}; before the runner exits, its forks and every worker or IPC peer they started have
 * ended, and no {@code execbench-*} folder of the run is left in the temporary folder or /dev/shm).
 */
@Command(name = "execbench-run", mixinStandardHelpOptions = true,
        description = "Runs execbench's JMH suites and writes one run folder under --results.")
public final class BenchMain implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_BENCHMARKS_FAILED = 3;
    /** How long forks get, after SIGTERM, to stop their own children and clean up before they are killed. */
    static final Duration FORK_GRACE = Duration.ofSeconds(15);

    @Option(names = "--profile", defaultValue = "quick", description = "smoke, quick or full (default ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--include", defaultValue = ".*", description = "regular expression over full benchmark names")
    String include;

    @Option(names = "--results", defaultValue = "results", description = "folder that receives the run folder")
    Path resultsDir;

    @Option(names = "--verbose", arity = "0..1", description = "also echo JMH's own console output (always kept in jmh.log)")
    boolean verbose;

    @Option(names = "--list-plan", description = "print the profile's budget and planned benchmarks as JSON lines, run nothing")
    boolean listPlan;

    @Option(names = "--workload", defaultValue = "", paramLabel = "CLASS",
            description = "your own task, a class implementing io.execbench.api.Workload (docs/workload.md)")
    String workloadClass;

    @Option(names = "--workload-path", defaultValue = "", paramLabel = "JAR_OR_FOLDER",
            description = "the jar or classes folder holding --workload")
    String workloadPath;

    @Option(names = "--workload-sizes", defaultValue = "", paramLabel = "N,N,...",
            description = "measure --workload at these sizes instead of calibrated ones (to track the same sizes)")
    String workloadSizes;

    @Option(names = "--workload-path-base", defaultValue = ".", paramLabel = "FOLDER",
            description = "where a relative --workload-path starts (Maven passes the project's root)")
    Path workloadPathBase;

    @Option(names = "--run-id-file", description = "deleted at start; receives the run folder's name once it is final")
    Path runIdFile;

    private final PrintStream out;
    private final Clock clock;
    private volatile boolean stopping;

    BenchMain(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, Clock.systemUTC(), args));
    }

    static int execute(PrintStream out, Clock clock, String... args) {
        return new CommandLine(new BenchMain(out, clock))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("execbench: " + e.getMessage());
                        return EXIT_USAGE;
                    }
                    throw e;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        try {
            return callWithWorkload();
        } finally {
            WorkloadRun.forget(); // the runner may run again in this JVM (tests): no workload carries over
        }
    }

    private int callWithWorkload() {
        if (listPlan) {
            Profile profile = Profile.parse(profileName);
            WorkloadRun.prepare(workloadClass, resolvedWorkloadPath(), workloadSizes, profile, out);
            PlanListing.print(profile, BenchmarkPlan.of(include, profile), out);
            return EXIT_OK;
        }
        RunIdFile runId = RunIdFile.at(runIdFile);
        runId.clear(); // first: a run that fails from here on must not leave an earlier run's id for the harness
        Profile profile = Profile.parse(profileName);
        BenchmarkPlan.compile(include); // a bad --include fails before the workload is checked
        // The user's workload is checked and calibrated before the plan: its benchmarks' sizes come from it.
        WorkloadRun userWorkload = WorkloadRun.prepare(workloadClass, resolvedWorkloadPath(), workloadSizes, profile, out);
        List<PlannedBenchmark> plan = BenchmarkPlan.of(include, profile);
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("memoryFootprintBytes", Kernels.memoryFootprintBytes());
        workload.put("scalingPlanNotes", ScalingPlan.forThisMachine().notes());
        // probed while planning, when a launch benchmark was planned: which mechanisms were left out, and why
        workload.put("launchNotes", LaunchMechanisms.notesIfProbed());
        userWorkload.describe().ifPresent(described -> workload.put("userWorkload", described));
        RunTemp temp = RunTemp.create();
        String systemTemp = System.getProperty(RunTemp.TMPDIR_PROPERTY);
        // JMH's host reads its lock file's folder from this property when its Runner class is first used: in the
        // main job's JVM (one run) that is during this run, so the lock is in the private folder. Its other
        // temporary files follow the JVM's start-up value (unique names, deleted on exit); the forks get the
        // private folder on their command line.
        System.setProperty(RunTemp.TMPDIR_PROPERTY, temp.path().toString());
        try {
            int status = run(profile, plan, workload, runId, temp, userWorkload);
            return userWorkload.failure().isPresent() ? EXIT_USAGE : status;
        } finally {
            System.setProperty(RunTemp.TMPDIR_PROPERTY, systemTemp);
            temp.delete();
        }
    }

    private String resolvedWorkloadPath() {
        return workloadPath.isBlank() ? workloadPath : workloadPathBase.resolve(workloadPath).toString();
    }

    private int run(Profile profile, List<PlannedBenchmark> plan, Map<String, Object> workload, RunIdFile runId,
                    RunTemp temp, WorkloadRun userWorkload) {
        int failedChecks = userWorkload.failure().isPresent() ? 1 : 0;
        RunRecorder recorder = RunRecorder.start(resultsDir.toAbsolutePath().normalize(), profile, include,
                plan.size() + failedChecks, new Environment(), workload, runId, clock);
        // A workload that failed its check is one failure of the run, in run.json and the report; the rest runs.
        userWorkload.failure().ifPresent(sentence -> recorder.recordFailure(WorkloadRun.CHECK, sentence));
        Thread onSignal = new Thread(() -> stopEarly(recorder, temp), "execbench-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);

        Progress progress = new Progress(out, System::nanoTime, profile.estimatePerBenchmark(), plan.size());
        out.printf(Locale.ROOT, "execbench: profile %s, %s; %d benchmarks, estimated %s%n", profile.label(),
                profile.describe(), plan.size(), Progress.format(progress.remaining()));
        out.println("execbench: writing " + recorder.dir());
        recorder.warnings().forEach(warning -> out.println("execbench: warning: " + warning));
        RunInfo finished;
        try {
            runAll(plan, profile, recorder, temp, progress);
            finished = recorder.finish();
        } catch (RuntimeException e) {
            recorder.interrupt("runner error: " + e);
            throw e;
        } finally {
            removeHook(onSignal);
        }
        RunInfo.Counts counts = finished.benchmarks();
        out.printf(Locale.ROOT, "execbench: %s in %s: %d of %d benchmarks produced results, %d failed%n",
                finished.status(), Progress.format(progress.elapsed()), counts.completed(), counts.planned(),
                counts.failed());
        out.println("execbench: results in " + recorder.dir());
        return counts.failed() > 0 ? EXIT_BENCHMARKS_FAILED : EXIT_OK;
    }

    private void runAll(List<PlannedBenchmark> plan, Profile profile, RunRecorder recorder, RunTemp temp,
                        Progress progress) {
        canary(recorder, "start");
        List<CFloor.Point> floor = FloorPlan.points(plan);
        try (JmhExecutor jmh = new JmhExecutor(profile, recorder.logFile(), recorder.latencyDir(), temp, verbose)) {
            for (PlannedBenchmark benchmark : plan) {
                if (stopping) {
                    return; // interrupted: the signal hook is stopping the forks; start no other
                }
                if (!floor.isEmpty() && FloorPlan.measuredBy(benchmark)) {
                    // Just before the Java round trips: the same sitting, the same host mood.
                    recorder.recordFloor(CFloor.measure(temp.path(), floor, CFloor.Budget.of(profile),
                            line -> out.println("execbench: " + line)));
                    floor = List.of();
                }
                progress.started(benchmark);
                JmhExecutor.Outcome outcome = jmh.run(benchmark);
                if (outcome.failed()) {
                    recorder.recordFailure(benchmark, outcome.error());
                    progress.failed(outcome.error());
                } else {
                    recorder.recordResult(outcome.result());
                    progress.succeeded(ScoreText.of(outcome.result()));
                }
            }
        }
        canary(recorder, "end");
    }

    /** Reads the machine canary (no fork is running) and records it: see {@link MachineCanary}. */
    private void canary(RunRecorder recorder, String phase) {
        MachineCanary.Reading reading = MachineCanary.measure(phase, clock);
        recorder.recordCanary(reading);
        out.println("execbench: " + MachineCanary.describe(reading));
    }

    /**
     * Runs on SIGINT/SIGTERM: keep the run as .partial with the reason, stop JMH's forks and everything they
     * started, delete the run's temporary folder. The JVM then exits with the signal's status (130 or 143); it is
     * not halted, so JMH's temporary files are still deleted on exit.
     */
    private void stopEarly(RunRecorder recorder, RunTemp temp) {
        stopping = true;
        boolean interrupted = false;
        try {
            interrupted = recorder.interrupt("SIGINT or SIGTERM");
        } catch (RuntimeException e) {
            System.err.println("execbench: " + e.getMessage()); // the forks must be stopped all the same
        }
        // The forks get SIGTERM first, so that their own hooks stop their workers and IPC peers and delete the
        // peers' folders (in /dev/shm too); whatever is left after the grace is killed. None may outlive this JVM.
        ProcessTree.stop(FORK_GRACE);
        if (!temp.delete()) {
            System.err.println("execbench: could not delete " + temp.path());
        }
        if (interrupted) {
            System.err.println("execbench: interrupted; partial run kept in " + recorder.dir());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) and takes care of the run.
        }
    }
}
