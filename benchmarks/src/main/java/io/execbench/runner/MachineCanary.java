package io.execbench.runner;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the machine itself, not the project: two fixed probes the runner runs in its own JVM, with no fork
 * running, at the start and at the end of every run, written to {@code canary.json}. Their code never changes with
 * the project, so when a canary moves between two runs the machine moved (a busier host, another CPU frequency, a
 * noisy neighbour), and the comparison widens its thresholds by that much instead of blaming the code. This is the
 * canary practice of continuous performance testing on shared machines (MongoDB's performance CI runs canary
 * workloads for the same reason).
 *
 * <ul>
 *   <li>{@code cpu}: a dependent xorshift-multiply chain in registers, nanoseconds per step: the core's speed.
 *   <li>{@code wakeup}: two platform threads handing a turn back and forth with park/unpark, microseconds per round
 *       trip: how fast the OS (and the hypervisor) wakes a sleeping thread, which every hand-off and IPC benchmark
 *       pays.
 * </ul>
 * Each probe is warmed up, then timed {@value #REPETITIONS} times; the median is the reading and the repetitions are
 * kept, so the comparison can test whether two runs' canaries differ. About one second per reading.
 */
final class MachineCanary {

    static final int REPETITIONS = 31;
    static final int CPU_STEPS = 1_000_000;
    static final int WAKEUP_ROUND_TRIPS = 1_000;
    static final int WAKEUP_WARMUP = 10;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** One probe's repetitions and their median. */
    record Probe(String unit, double median, double[] samples) {
    }

    /** Both probes at one moment of the run. */
    record Reading(String phase, String at, Probe cpu, Probe wakeup) {
    }

    private static volatile long sink;
    private static volatile int turn;

    private MachineCanary() {
    }

    static Reading measure(String phase, Clock clock) {
        String at = clock.instant().toString();
        return new Reading(phase, at, cpu(), wakeup());
    }

    static Probe cpu() {
        for (int i = 0; i < 20; i++) {
            sink += chain(i, CPU_STEPS); // warm-up: compiled before it is timed
        }
        double[] samples = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            sink += chain(sink + i, CPU_STEPS);
            samples[i] = (System.nanoTime() - start) / (double) CPU_STEPS;
        }
        return probe("ns/step", samples);
    }

    /** The same steps as a register-bound kernel, kept here so that no change to the project's kernels moves it. */
    static long chain(long seed, int steps) {
        long x = seed | 1;
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            x *= GAMMA;
        }
        return x;
    }

    /**
     * The same steps as the floating-point kernel (a multiply-add recurrence feeding a sum of reciprocals: FP latency
     * and the divider), kept here so that no change to the project's kernels moves it. A core's integer and FP units
     * do not slow down together on a shared host (another tenant's vector work, a different frequency licence), so
     * FP-bound scores are judged against this, not against {@link #chain}.
     */
    static double fpChain(double seed, int steps) {
        double x = 1.0 + seed * 1e-9;
        double sum = 0.5;
        for (int i = 0; i < steps; i++) {
            x = x * 1.000_000_1 + 1e-7;
            sum += 1.0 / x;
        }
        return x + sum;
    }

    static Probe wakeup() {
        wakeupMicros(WAKEUP_ROUND_TRIPS); // compiled before it is timed
        double[] samples = new double[REPETITIONS];
        for (int rep = 0; rep < REPETITIONS; rep++) {
            samples[rep] = wakeupMicros(WAKEUP_ROUND_TRIPS);
        }
        return probe("us/round trip", samples);
    }

    /**
     * The median, over {@code roundTrips}, of the microseconds a turn takes to go to a fresh platform thread and back
     * with park/unpark (after {@value #WAKEUP_WARMUP} untimed round trips: the peer's first wake-ups are slow). The
     * median, not the mean: one round trip that waited for a busy CPU would otherwise move the reading.
     */
    static double wakeupMicros(int roundTrips) {
        Thread caller = Thread.currentThread();
        turn = 0;
        Thread peer = Thread.ofPlatform().name("execbench-canary").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                while (turn != 1) {
                    LockSupport.park();
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                turn = 0;
                LockSupport.unpark(caller);
            }
        });
        try {
            double[] micros = new double[roundTrips];
            for (int i = -WAKEUP_WARMUP; i < roundTrips; i++) {
                long start = System.nanoTime();
                turn = 1;
                LockSupport.unpark(peer);
                while (turn != 0) {
                    LockSupport.park();
                }
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - start) / 1000.0;
                }
            }
            Arrays.sort(micros);
            return micros[roundTrips / 2];
        } finally {
            peer.interrupt();
            LockSupport.unpark(peer);
            try {
                peer.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Probe probe(String unit, double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Probe(unit, sorted[sorted.length / 2], samples);
    }

    /** The line the runner prints for a reading. */
    static String describe(Reading reading) {
        return String.format(java.util.Locale.ROOT, "machine canary (%s): cpu %.3f ns/step, wake-up %.2f us/round trip",
                reading.phase(), reading.cpu().median(), reading.wakeup().median());
    }

    /** canary.json's content. */
    record File(int schemaVersion, List<Reading> readings) {
        static final int SCHEMA_VERSION = 1;
    }
}
