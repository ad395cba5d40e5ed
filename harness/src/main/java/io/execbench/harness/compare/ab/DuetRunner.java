package io.execbench.harness.compare.ab;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.ab.AbSession.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs duets: both builds' forks of one benchmark at once, each under {@code taskset -c CPU}, with
 * {@link DuetProfiler} on both (its class file copied into a private folder after each build's own classpath, so an
 * old baseline runs it too) and {@link DuetBarrier} releasing their iterations together. A fork that fails, dies or
 * hangs ends the duet with one sentence, and both forks, with their JMH children, are killed before it returns.
 *
 * <p>The {@link PrivateTemp} folder holds the profiler and one socket per duet; {@link #close} deletes it.
 */
public final class DuetRunner implements DuetRounds.Legs, AutoCloseable {

    /** The profiler's class name, without loading it: the harness's runtime has no jmh-core. */
    static final String PROFILER = "io.execbench.harness.compare.ab.DuetProfiler";

    private final ForkRunner forks;
    private final Build baseline;
    private final Build candidate;
    private final Path taskset;
    private final PrivateTemp privateDir;
    private final Path profilerClasses;

    public DuetRunner(ForkRunner forks, Build baseline, Build candidate, Path taskset) throws IOException {
        this.forks = forks;
        this.baseline = baseline;
        this.candidate = candidate;
        this.taskset = taskset;
        this.privateDir = PrivateTemp.create("execbench-duet-");
        this.profilerClasses = writeProfiler(privateDir.path().resolve("classes"));
    }

    /** Copies the profiler's class file from this harness's classpath into {@code classes}; returns the folder. */
    static Path writeProfiler(Path classes) throws IOException {
        String file = PROFILER.replace('.', '/') + ".class";
        try (InputStream in = DuetRunner.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException(file + " is not on the harness's classpath; the duet cannot run");
            }
            Path target = classes.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
        return classes;
    }

    @Override
    public DuetRounds.LegOutcome run(BenchmarkKey key, String name, int cpuOfA, int cpuOfB)
            throws InterruptedException {
        Plan.Budget budget = forks.budget();
        int iterations = budget.warmupIterations() + budget.measurementIterations();
        long iterationS = Math.max(budget.warmupTimeMs(), budget.measurementTimeMs()) / 1000;
        Path socket = privateDir.path().resolve(name.hashCode() + ".sock");
        Process a = null;
        Process b = null;
        try (DuetBarrier barrier = DuetBarrier.open(socket, iterations, Duration.ofSeconds(120),
                Duration.ofSeconds(60 + 10 * iterationS))) {
            CompletableFuture<String> released = CompletableFuture.supplyAsync(() -> {
                try {
                    return barrier.coordinate();
                } catch (IOException e) {
                    return "the duet's barrier failed: " + e.getMessage();
                }
            }, runnable -> Thread.ofPlatform().daemon().name("duet-barrier").start(runnable));
            a = forks.start(baseline, key, name + "-A", extras("A", cpuOfA, socket));
            b = forks.start(candidate, key, name + "-B", extras("B", cpuOfB, socket));
            String failure = await(released, barrier, a, b, ForkRunner.timeoutSeconds(budget));
            if (failure != null) {
                return DuetRounds.LegOutcome.failed(failure);
            }
            Outcome outA = forks.read(name + "-A", a.exitValue());
            Outcome outB = forks.read(name + "-B", b.exitValue());
            if (outA.failed() || outB.failed()) {
                return DuetRounds.LegOutcome.failed((outA.failed() ? "build A: " + outA.failure() : "")
                        + (outA.failed() && outB.failed() ? "; " : "") + (outB.failed() ? "build B: "
                        + outB.failure() : ""));
            }
            return new DuetRounds.LegOutcome(outA.result(), outB.result(), null);
        } catch (IOException e) {
            return DuetRounds.LegOutcome.failed("cannot start the duet: " + e.getMessage());
        } finally {
            kill(a);
            kill(b);
        }
    }

    /**
     * Waits until both forks exit with every iteration released, or for the first failure: the barrier's, or a
     * fork that exits before its iterations were all released (the barrier is then cancelled with that reason).
     */
    private static String await(CompletableFuture<String> released, DuetBarrier barrier, Process a, Process b,
                                long timeoutS) throws InterruptedException {
        CompletableFuture<?> bothExited = CompletableFuture.allOf(a.onExit(), b.onExit());
        CompletableFuture<Process> oneExited = CompletableFuture.anyOf(a.onExit(), b.onExit())
                .thenApply(Process.class::cast);
        try {
            CompletableFuture.anyOf(released, oneExited).get(timeoutS, TimeUnit.SECONDS);
            if (!released.isDone()) {
                Process early = oneExited.get();
                barrier.cancel("build " + (early == a ? "A" : "B") + "'s fork exited (code " + early.exitValue()
                        + ") before all its iterations were synchronised");
            }
            String failure = released.get(timeoutS, TimeUnit.SECONDS);
            if (failure != null) {
                return failure;
            }
            bothExited.get(timeoutS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            barrier.cancel("timed out");
            return "the duet gave no result within " + timeoutS + " s; both forks were killed";
        } catch (ExecutionException e) {
            return "the duet failed: " + e.getCause();
        }
    }

    private ForkRunner.Extras extras(String side, int cpu, Path socket) {
        // JMH's lock file keeps two JMH runs apart; a duet runs two on purpose, on separate CPUs.
        return new ForkRunner.Extras(List.of(taskset.toString(), "-c", String.valueOf(cpu)),
                List.of("-Djmh.ignoreLock=true"), profilerClasses,
                List.of("-D" + DuetProfiler.SOCKET_PROPERTY + "=" + socket, "-D" + DuetProfiler.SIDE_PROPERTY + "="
                        + side), PROFILER);
    }

    private static void kill(Process process) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        privateDir.close();
    }
}
