package io.execbench.workload;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Measures: the time one call of each shared kernel (alu, fp, memory) takes on the benchmark thread, as workUnits
 * grows. Every other suite runs these same kernels, so this is the single-thread reference they are compared to.
 *
 * Pitfalls avoided:
 *  - Dead code: the checksum is returned (JMH sinks it) and also stored with its seed; after every iteration,
 *    outside the timed region, the last call is recomputed and compared. A kernel that did less work would fail
 *    the run instead of winning it.
 *  - Constant folding and cache reuse: every call gets a new seed, so no call can reuse the previous result and
 *    the memory kernel starts each walk at a new place instead of re-walking lines that are already cached.
 *  - Set-up in the score: the memory kernel's chain (hundreds of MB) is built per trial, in @Setup.
 *
 * Expect: run() grows linearly with workUnits (about 1-3 ns per alu or fp step, about 100 ns per memory step when
 * the chain is larger than the last-level cache); baseline() is a few nanoseconds, the cost of the call itself,
 * and run() at workUnits=1 sits just above it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBenchmark {

    /** One kernel at one size; the checksum is verified after each iteration. */
    @State(Scope.Thread)
    public static class Work {
        @Param({"alu", "fp", "memory"})
        public String kernel;

        @Param({"1", "1000", "100000"})
        public int workUnits;

        Kernel instance;
        long seed = Seeds.FIRST;
        long lastSeed;
        long lastChecksum;

        @Setup(Level.Trial)
        public void build() {
            instance = Kernels.create(kernel);
            lastSeed = seed;
            lastChecksum = instance.run(lastSeed, workUnits);
        }

        @TearDown(Level.Iteration)
        public void verify() {
            long expected = instance.run(lastSeed, workUnits);
            if (lastChecksum != expected) {
                throw new IllegalStateException("kernel " + kernel + " with workUnits=" + workUnits + " and seed "
                        + lastSeed + " returned checksum " + lastChecksum + ", expected " + expected);
            }
        }
    }

    /** The same call with no work: what run() costs before the first step. */
    @State(Scope.Thread)
    public static class Call {
        @Param({"alu", "fp", "memory"})
        public String kernel;

        long seed = Seeds.FIRST;
        int noWork = 0; // a field, not a literal, so the JIT cannot specialise run() for zero steps
        Kernel instance;

        @Setup(Level.Trial)
        public void build() {
            instance = Kernels.create(kernel);
        }
    }

    @Benchmark
    public long baseline(Call call) {
        // Same call path and seed stepping as run(), zero steps: the fixed cost every task size pays.
        long seed = call.seed = Seeds.next(call.seed);
        return call.instance.run(seed, call.noWork);
    }

    @Benchmark
    public long run(Work work) {
        long seed = work.seed = Seeds.next(work.seed);
        // Seed and checksum are stored so that verify() can check, after the iteration, that the work was done.
        work.lastSeed = seed;
        return work.lastChecksum = work.instance.run(seed, work.workUnits);
    }
}
