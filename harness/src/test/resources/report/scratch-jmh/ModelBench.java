package fixture;

import java.util.concurrent.*;
import org.openjdk.jmh.annotations.*;

/** Scratch stand-in for execbench's execution-model suite: same @Param names, tiny work. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModelBench {
    static long work(long seed, int units) {
        long x = seed;
        for (int i = 0; i < units; i++) { x = x * 6364136223846793005L + 1442695040888963407L; x ^= x >>> 29; }
        return x;
    }

    public abstract static class Models {
        ExecutorService executor;
        long seed = 1;
        void open(String model) {
            executor = switch (model) {
                case "inline" -> null;
                case "fixedPool" -> Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
                case "virtual" -> Executors.newVirtualThreadPerTaskExecutor();
                default -> throw new IllegalArgumentException(model);
            };
        }
        long[] run(int tasks, int units) throws Exception {
            long[] out = new long[tasks];
            if (executor == null) { for (int i = 0; i < tasks; i++) out[i] = work(seed++, units); return out; }
            Future<?>[] f = new Future<?>[tasks];
            for (int i = 0; i < tasks; i++) { long s = seed++; f[i] = executor.submit(() -> work(s, units)); }
            for (int i = 0; i < tasks; i++) out[i] = (Long) f[i].get();
            return out;
        }
        @TearDown(Level.Trial) public void close() { if (executor != null) executor.shutdownNow(); }
    }

    @State(Scope.Thread)
    public static class Single extends Models {
        @Param({"inline", "fixedPool", "virtual"}) public String model;
        @Setup(Level.Trial) public void setUp() { open(model); }
    }

    @State(Scope.Thread)
    public static class Sized extends Models {
        @Param({"inline", "fixedPool", "virtual"}) public String model;
        @Param({"100", "10000", "1000000"}) public int workUnits;
        @Setup(Level.Trial) public void setUp() { open(model); }
    }

    @Benchmark
    public long[] batch(Sized s) throws Exception { return s.run(8, s.workUnits); }

    @Benchmark @BenchmarkMode(Mode.SampleTime)
    public long task(Single s) throws Exception { return s.run(1, 300)[0]; }
}
