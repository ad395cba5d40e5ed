package io.execbench.server;

import io.execbench.workload.AluKernel;
import io.execbench.workload.Kernel;
import java.util.Arrays;

/**
 * Sizes the heavy route: how many alu kernel steps take about {@code targetMs} on this machine, measured in this JVM
 * after a warm-up (so compiled code is timed, as the server's loop runs it once warm), the median of several runs.
 * The server's JVM is another JVM on the same machine; the experiment records the size and what one heavy request
 * took as the server measured it (the heavy route's latency at the lowest load) rather than trusting this estimate.
 */
final class HeavyWork {

    private static final int PROBE_UNITS = 100_000;
    private static final int WARMUPS = 30;
    private static final int RUNS = 9;
    private static volatile long sink;

    private HeavyWork() {
    }

    /** The alu kernel size that takes about {@code targetMs}, at least 1. */
    static int unitsFor(double targetMs) {
        Kernel kernel = new AluKernel();
        for (int i = 0; i < WARMUPS; i++) {
            sink += kernel.run(i, PROBE_UNITS);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += kernel.run(WARMUPS + i, PROBE_UNITS);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double nsPerUnit = Math.max(0.01, nanos[RUNS / 2] / (double) PROBE_UNITS);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(targetMs * 1e6 / nsPerUnit)));
    }
}
