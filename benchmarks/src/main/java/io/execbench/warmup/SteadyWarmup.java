package io.execbench.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.files.DurableFiles;
import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Warms a benchmark's operation until its cost stops moving, after Barrett et al. ("Virtual Machine Warmup Blows Hot
 * and Cold", OOPSLA 2017): a fixed warm-up is too short for some benchmarks (a 2 ms JSON round trip makes about a
 * hundred calls in 200 ms, so what is timed is largely interpreted code, on both sides of the channel) and wasted
 * on others. Called from a trial's set-up, before JMH's own warm-up iteration, so that JMH measures what a steady
 * state costs.
 *
 * <p>The operation runs in batches of {@link Budget#batchNanos()}; each batch's mean time per call is one point of
 * the warm-up series. The series is steady once its last {@link Budget#window()} points lie within
 * {@link Budget#tolerance()} of their median (no point further off) and show no trend (the Theil-Sen slope across
 * the window moves less than half the tolerance): no change point in the window; and once the JIT compilers of the
 * JVMs involved (this one and an IPC peer's) spent no time compiling during the window. Timings alone are not
 * enough: the last C2 compilations of a hot path change its cost by little but occupy a CPU for milliseconds, and
 * on a machine with two CPUs, both pinned by the benchmark, that lands in the measurement's tail. It stops there,
 * or at the cap, in which case the fork is recorded as not steady and the report flags the benchmark.
 *
 * <p>Each fork writes one record ({@code <run>/warmup/<pid>-<n>.json}: benchmark, parameters, batches, time warmed,
 * whether steady, the series) into the folder named by {@value #DIR_PROPERTY}; without the property (plain JMH)
 * nothing is written.
 */
public final class SteadyWarmup {

    /** The system property naming the run's {@code warmup/} folder (set by the runner for every fork). */
    public static final String DIR_PROPERTY = "execbench.warmup.dir";
    /** JIT time over a window that still counts as quiet: see {@link #compilerQuiet}. */
    static final long QUIET_COMPILE_MILLIS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int records;

    /** Batch length, window, cap and tolerance of one profile. */
    public record Budget(long batchNanos, int window, long capNanos, double tolerance) {

        /** test: 1 ms batches up to 20 ms; smoke 10 ms up to 0.5 s; quick 20 ms up to 2 s; full 50 ms up to 10 s. */
        public static Budget of(Profile profile) {
            return switch (profile) {
                case TEST -> new Budget(1_000_000, 3, 20_000_000, 0.10);
                case SMOKE -> new Budget(10_000_000, 5, 500_000_000, 0.10);
                case QUICK -> new Budget(20_000_000, 5, 2_000_000_000, 0.05);
                case FULL -> new Budget(50_000_000, 8, 10_000_000_000L, 0.03);
            };
        }
    }

    /**
     * What one fork's warm-up came to.
     *
     * @param nanosPerCall the mean time per call of each batch, in order
     */
    public record Outcome(boolean steady, int batches, long calls, long warmedNanos, double[] nanosPerCall,
                          long[] compileMillis, long checksum) {
    }

    private SteadyWarmup() {
    }

    /**
     * Warms {@code call} under the budget of the profile this fork runs ({@link AutoParams#profileOfThisJvm()}) and
     * records the outcome for the run; {@code call} returns a value that is folded into the outcome's checksum, so
     * nothing it computes is dead.
     */
    public static Outcome warm(BenchmarkParams benchmark, LongSupplier call) {
        return warm(benchmark, call, () -> { }, CompileTime::millis);
    }

    /**
     * As {@link #warm(BenchmarkParams, LongSupplier)}, running {@code betweenBatches} after every batch: what the
     * benchmark does between JMH's iterations (its per-iteration verification), so that those code paths are
     * profiled before the compiler settles the hot ones. Left out, the first measurement iteration would meet a
     * branch never taken in warm-up: a deoptimisation and a recompilation inside the measurement, in the tail.
     * {@code compileMillis} is the JIT time so far of every JVM the call runs in ({@link CompileTime#millis()} plus
     * an IPC peer's); -1 when unknown, and then only the timings decide.
     */
    public static Outcome warm(BenchmarkParams benchmark, LongSupplier call, Runnable betweenBatches,
                               LongSupplier compileMillis) {
        Outcome outcome = warm(call, betweenBatches, compileMillis, Budget.of(AutoParams.profileOfThisJvm()),
                System::nanoTime);
        record(benchmark, outcome);
        return outcome;
    }

    /** The warm-up loop itself, with its clock passed in (tests drive it with a fake one). */
    static Outcome warm(LongSupplier call, Runnable betweenBatches, LongSupplier compileMillis, Budget budget,
                        LongSupplier clock) {
        List<Double> series = new ArrayList<>();
        List<Long> compiled = new ArrayList<>();
        long checksum = 0;
        long calls = 0;
        long start = clock.getAsLong();
        long now = start;
        boolean steady = false;
        while (!steady && now - start < budget.capNanos()) {
            long batchStart = now;
            long batchCalls = 0;
            do {
                checksum = checksum * 31 + call.getAsLong();
                batchCalls++;
                now = clock.getAsLong();
            } while (now - batchStart < budget.batchNanos());
            calls += batchCalls;
            series.add((double) (now - batchStart) / batchCalls);
            betweenBatches.run();
            compiled.add(compileMillis.getAsLong());
            steady = steady(series, budget) && compilerQuiet(compiled, budget.window());
            now = clock.getAsLong();
        }
        return new Outcome(steady, series.size(), calls, now - start,
                series.stream().mapToDouble(Double::doubleValue).toArray(),
                compiled.stream().mapToLong(Long::longValue).toArray(), checksum);
    }

    /**
     * True when at most {@link #QUIET_COMPILE_MILLIS} of JIT time accrued over the last {@code window} batches (from
     * the reading before the window to the last), or when the JVMs do not report it. A few small C1 compilations
     * (JDK code touched now and then) are not worth waiting for; a C2 compilation of a hot path takes longer.
     */
    static boolean compilerQuiet(List<Long> compiled, int window) {
        if (compiled.size() <= window) {
            return false;
        }
        long before = compiled.get(compiled.size() - 1 - window);
        long last = compiled.getLast();
        return before < 0 || last < 0 || last - before <= QUIET_COMPILE_MILLIS;
    }

    /** True when the last {@code window} points lie within the tolerance of their median and do not trend. */
    static boolean steady(List<Double> series, Budget budget) {
        int w = budget.window();
        if (series.size() < w) {
            return false;
        }
        double[] window = series.subList(series.size() - w, series.size()).stream().mapToDouble(Double::doubleValue)
                .toArray();
        double median = median(window.clone());
        if (!(median > 0)) {
            return false;
        }
        for (double point : window) {
            if (Math.abs(point - median) > budget.tolerance() * median) {
                return false;
            }
        }
        return Math.abs(theilSenSlope(window) * (w - 1)) <= budget.tolerance() / 2 * median;
    }

    /** The median of the pairwise slopes: a trend that one outlying batch cannot fake or hide. */
    static double theilSenSlope(double[] y) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                slopes.add((y[j] - y[i]) / (j - i));
            }
        }
        return median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static synchronized void record(BenchmarkParams benchmark, Outcome outcome) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : benchmark.getParamsKeys()) {
            params.put(key, benchmark.getParam(key));
        }
        Map<String, Object> record = Map.of("schemaVersion", 1, "benchmark", benchmark.getBenchmark(),
                "params", params, "steady", outcome.steady(), "batches", outcome.batches(), "calls", outcome.calls(),
                "warmedNanos", outcome.warmedNanos(), "nanosPerCall", outcome.nanosPerCall(),
                "compileMillis", outcome.compileMillis());
        Path file = Path.of(dir).resolve(ProcessHandle.current().pid() + "-" + ++records + ".json");
        try {
            Files.createDirectories(file.getParent());
            DurableFiles.write(file, JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            // The measurement goes on; the run's report then lacks this fork's warm-up record, and says so.
            System.err.println("execbench: cannot record the warm-up in " + file + ": " + e.getMessage());
        }
    }
}
