package io.execbench.runner;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The machine canary read beside every measurement iteration, inside the benchmark's own fork: just before and just
 * after each iteration (outside the timed region, so no score pays for it), the same fixed probes as
 * {@link MachineCanary}, short. JMH records them as secondary metrics of every iteration, so each score in
 * {@code jmh.json} has the machine's speed at that moment beside it:
 * <ul>
 *   <li>{@value #CPU_METRIC} (ns/step): the register-bound chain, {@value #CPU_REPETITIONS} repetitions of
 *       {@value #CPU_STEPS} steps on each side of the iteration, median;</li>
 *   <li>{@value #FP_METRIC} (ns/step): the floating-point chain ({@link MachineCanary#fpChain}), the same way with
 *       {@value #FP_STEPS} steps;</li>
 *   <li>{@value #WAKEUP_METRIC} (us/round trip): the median of {@value #WAKEUP_ROUND_TRIPS} park/unpark round trips
 *       between two platform threads on each side, averaged.</li>
 * </ul>
 * The comparison reads them to tell a change of the code from a change of the machine: on a shared host the speed
 * of a core drifts by tens of percent within an hour, and a canary read minutes away (at the start and end of the
 * run) cannot follow that. About 4 ms per iteration on this project's 2-vCPU machine (median of 200 readings,
 * before and after together).
 *
 * <p>JMH instantiates the profiler inside each fork, from its class name, so it has a public no-argument
 * constructor; the chain is compiled there before the first iteration.
 */
public final class IterationCanary implements InternalProfiler {

    public static final String CPU_METRIC = "canary.cpu";
    public static final String FP_METRIC = "canary.fp";
    public static final String WAKEUP_METRIC = "canary.wakeup";
    static final int CPU_REPETITIONS = 5;
    static final int CPU_STEPS = 50_000;
    static final int FP_STEPS = 20_000;
    static final int WAKEUP_ROUND_TRIPS = 50;

    private static volatile long sink;
    private static volatile double fpSink;

    private final double[] cpuSamples = new double[2 * CPU_REPETITIONS];
    private final double[] fpSamples = new double[2 * CPU_REPETITIONS];
    private double wakeupBefore;

    public IterationCanary() {
        for (int i = 0; i < 200; i++) {
            sink += MachineCanary.chain(sink + i, CPU_STEPS / 10); // compiled before the first reading
            fpSink = MachineCanary.fpChain(fpSink + i, FP_STEPS / 10);
        }
    }

    @Override
    public String getDescription() {
        return "execbench machine canary, read before and after every iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpu(0);
        fp(0);
        wakeupBefore = MachineCanary.wakeupMicros(WAKEUP_ROUND_TRIPS);
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        double wakeupAfter = MachineCanary.wakeupMicros(WAKEUP_ROUND_TRIPS);
        fp(CPU_REPETITIONS);
        cpu(CPU_REPETITIONS);
        return List.of(
                new ScalarResult(CPU_METRIC, median(cpuSamples), "ns/step", AggregationPolicy.AVG),
                new ScalarResult(FP_METRIC, median(fpSamples), "ns/step", AggregationPolicy.AVG),
                new ScalarResult(WAKEUP_METRIC, (wakeupBefore + wakeupAfter) / 2, "us/round trip",
                        AggregationPolicy.AVG));
    }

    private static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2; // even count
    }

    private void fp(int offset) {
        for (int i = 0; i < CPU_REPETITIONS; i++) {
            long start = System.nanoTime();
            fpSink = MachineCanary.fpChain(fpSink + i, FP_STEPS); // bounded: the result is about FP_STEPS
            fpSamples[offset + i] = (System.nanoTime() - start) / (double) FP_STEPS;
        }
    }

    private void cpu(int offset) {
        for (int i = 0; i < CPU_REPETITIONS; i++) {
            long start = System.nanoTime();
            sink += MachineCanary.chain(sink + i, CPU_STEPS);
            cpuSamples[offset + i] = (System.nanoTime() - start) / (double) CPU_STEPS;
        }
    }
}
