package io.execbench.workload;

import io.execbench.api.Workload;
import io.execbench.child.ParentWatch;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The child JVM that checks and calibrates a user's workload for the runner ({@code runner.WorkloadCheck}), so that
 * a task that never returns can be killed and a calibration leaves no JIT state in the runner. Started through
 * {@link io.execbench.child.ChildJvm} only.
 *
 * <p>Arguments: none; the workload comes from {@code -Dexecbench.workload.*} ({@link UserWorkload#configured()}).
 * Speaks one line at a time on stdout (the user's own prints go to stderr), flushed at once, so the parent knows which
 * call is running when it stops answering:
 * <pre>
 * call SIZE                  about to call run(seed, SIZE)
 * time SIZE NANOS            one call at SIZE takes NANOS (mean of a timed loop)
 * unit TEXT                  sizeUnit()
 * max SIZE                   maxSize()
 * fail SENTENCE              the workload cannot be used: the sentence names the class and what to fix
 * done                       calibration finished (all time lines are in)
 * </pre>
 */
public final class WorkloadProbeMain {

    /** Calibration stops doubling the size once a call takes this long: the longest target, with a margin. */
    static final long LONGEST_NS = 15_000_000;
    /** A timed loop runs at least this long, so that a 1 us call is timed over many. */
    static final long LOOP_NS = 2_000_000;
    /** How long run() is exercised before any timing, so that the sizes are chosen for JIT-compiled code. */
    static final long WARM_UP_NS = 400_000_000;
    private static final long SEED = Seeds.FIRST;

    private final PrintStream out;
    private final UserWorkload source;

    private WorkloadProbeMain(PrintStream out, UserWorkload source) {
        this.out = out;
        this.source = source;
    }

    public static void main(String[] args) {
        ParentWatch.start(() -> { });
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout is the channel; the workload's own prints must not land there
        try {
            UserWorkload source = UserWorkload.configured().orElseThrow(
                    () -> new WorkloadException("no workload configured for the check"));
            new WorkloadProbeMain(out, source).probe();
            out.println("done");
            System.exit(0);
        } catch (WorkloadException e) {
            out.println("fail " + oneLine(e.getMessage()));
            System.exit(1);
        } catch (Throwable e) {
            out.println("fail " + oneLine("workload check failed: " + UserWorkload.describe(e)));
            System.exit(1);
        }
    }

    private void probe() {
        try (WorkloadKernel kernel = WorkloadKernel.open(source)) {
            Workload workload = kernel.workload();
            int maxSize = workload.maxSize();
            if (maxSize < 1) {
                throw new WorkloadException("workload " + source.className() + ": maxSize() returned " + maxSize
                        + ": return the largest size run() accepts, at least 1");
            }
            out.println("unit " + oneLine(String.valueOf(workload.sizeUnit())));
            out.println("max " + maxSize);
            checkDeterministic(workload, 1);
            warmUp(workload, maxSize);
            long size = 1;
            while (true) {
                out.println("call " + size);
                long ns = time(workload, (int) size);
                out.printf(Locale.ROOT, "time %d %d%n", size, ns);
                if (ns >= LONGEST_NS || size >= maxSize) {
                    break;
                }
                size = Math.min(maxSize, size * 2);
            }
            checkDeterministic(workload, (int) size);
        }
    }

    /**
     * Times run() at sizes 1, 16, 256, ... (while a call takes under 1 ms) for {@link #WARM_UP_NS}, discarding the
     * times: a cold JVM runs the first calls, and the timing loop itself, interpreted, tens of times slower than the
     * benchmarks' compiled code, and would choose sizes far too small.
     */
    private void warmUp(Workload workload, int maxSize) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < WARM_UP_NS) {
            for (long size = 1; size <= maxSize; size *= 16) {
                out.println("call " + size);
                if (time(workload, (int) size) >= 1_000_000) {
                    break;
                }
            }
        }
    }

    /** Two calls with one seed must agree. */
    private void checkDeterministic(Workload workload, int size) {
        long first = call(workload, SEED, size);
        long second = call(workload, SEED, size);
        if (first != second) {
            throw new WorkloadException("workload " + source.className() + ".run(seed " + SEED + ", size " + size
                    + ") returned " + first + " and then " + second + ": make the checksum depend only on seed and"
                    + " size (no clock, random numbers or state kept between calls)");
        }
    }

    /**
     * The mean time of one call at {@code size}: calls in loops of 1, 8, 64, ... until one loop lasts
     * {@link #LOOP_NS} (one clock reading per loop, not per call, so a 1 us call is not timed with the clock's cost).
     */
    private long time(Workload workload, int size) {
        long seed = SEED;
        long sink = 0;
        long calls = 1;
        while (true) {
            long start = System.nanoTime();
            for (long i = 0; i < calls; i++) {
                seed = Seeds.next(seed);
                sink += run(workload, seed, size);
            }
            long elapsed = System.nanoTime() - start;
            if (elapsed >= LOOP_NS || elapsed / calls >= LONGEST_NS) {
                if (sink == 42) {
                    System.err.print(""); // the checksums are used, so the calls cannot be dropped
                }
                return elapsed / calls;
            }
            calls *= elapsed < LOOP_NS / 8 ? 8 : 2;
        }
    }

    private long call(Workload workload, long seed, int size) {
        out.println("call " + size);
        return run(workload, seed, size);
    }

    private long run(Workload workload, long seed, int size) {
        try {
            return workload.run(seed, size);
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            throw new WorkloadException("workload " + source.className() + ".run(seed, " + size + ") threw "
                    + UserWorkload.describe(e) + ": fix run() so that it returns a checksum for every size from 1"
                    + " to maxSize()");
        }
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
