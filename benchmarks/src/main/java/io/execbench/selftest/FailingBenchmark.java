package io.execbench.selftest;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/*
 * Not a measurement: deliberately failing benchmarks that test the runner and the report themselves, in the way
 * Renaissance ships dummy benchmarks. The runner skips the selftest package unless --include names it.
 *
 * Expect: passes() produces a result; throwsException() fails with "deliberate failure"; forkDies() kills its
 * forked JVM with exit code 42. The run still completes, lists both failures, and exits non-zero.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FailingBenchmark {

    /** Exit status of the fork that dies, so a test can find it in the failure text. */
    public static final int FORK_EXIT_CODE = 42;

    @Param({"1"})
    public int size;

    @Benchmark
    public int passes() {
        return size * 31;
    }

    @Benchmark
    public int throwsException() {
        throw new IllegalStateException("deliberate failure (size=" + size + ")");
    }

    /** A fork that dies outright, as a crashed JVM would, without reporting back to JMH. */
    @State(Scope.Thread)
    public static class DyingFork {
        @Setup
        public void die() {
            Runtime.getRuntime().halt(FORK_EXIT_CODE);
        }
    }

    @Benchmark
    public int forkDies(DyingFork fork) {
        return size;
    }
}
