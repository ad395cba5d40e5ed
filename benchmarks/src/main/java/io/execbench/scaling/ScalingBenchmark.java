package io.execbench.scaling;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.latency.IntervalLog;
import io.execbench.topology.TopologyProbe;
import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import io.execbench.workload.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/*
 * Measures: how CPU-bound throughput grows as threads go from 1 to twice the usable CPUs, for the alu, fp and memory
 * kernels, with the workers left to the OS (placement=os), pinned one per physical core first (spread), or pinned
 * to SMT siblings first (packed). Speedup, efficiency, effective cores, the hyperthread yield (packed vs spread at
 * threads=2) and the USL fit are computed from these scores in the report's "Core and hyperthread scaling"
 * section (README).
 *
 * The score to read is the secondary metric "workUnits" (kernel steps per second, summed over all workers). The
 * primary ops/s counts batches, and a batch grows with the thread count, so it is not comparable across threads.
 *
 * Pitfalls avoided:
 *  - Hand-off in the score: workers are started and pinned once per trial; an invocation is one batch of
 *    BATCH_CHUNKS_PER_THREAD x threads chunks (milliseconds of work whatever the thread count), opened and closed
 *    by a phaser, so the two wake-ups per batch cost well under 1%. baseline() runs the threads=1 batch inline on
 *    the benchmark thread with no hand-off at all: parallel(threads=1, os) minus baseline is the hand-off cost.
 *  - Static splitting: chunks are claimed from a shared counter, so an oversubscribed or disturbed CPU delays
 *    only its own chunks and the score shows the machine's capacity, not the slowest of N equal slices.
 *  - Dead code and skipped work: every chunk's checksum is summed; after each iteration, outside the timed region,
 *    the last batch is recomputed on one thread and compared, so a worker that skipped a chunk fails the run.
 *  - Shared data: alu and fp workers each get their own kernel; memory workers share one read-only chain
 *    (each walk starts at its own seed, so they touch different lines). Read-only lines cause no coherence
 *    traffic, and one chain keeps the footprint at 2x LLC whatever the thread count: a chain per worker would
 *    multiply the heap by 2x logical CPUs (or, shrunk to fit, change the miss rate as threads grow).
 *  - Unmeasurable placements: ScalingPlan offers packed only where SMT siblings exist and pinned placements only
 *    where sched_setaffinity works, and prints why anything was skipped; a pinned worker whose mask does not read
 *    back as its one CPU fails the trial instead of measuring the OS's placement under a pinned label.
 *
 * Latency past the CPUs: every chunk's wall time is recorded per worker (KernelThreads) and, when the execbench runner
 * gives a latency folder, each measurement iteration becomes one interval of latency/scaling-<kernel>-<placement>@
 * t<threads>-<pid>.hlog, tagged "threads=<n>". Up to the CPU count a chunk takes its compute time (tens of
 * microseconds); past it, a chunk that loses its CPU waits out other workers' time slices (milliseconds), so the
 * report's chart of these logs shows the latency spread that oversubscription costs while throughput stays flat.
 *
 * Expect (2 vCPUs, no SMT): alu and fp reach about 2x at threads=2 and stay there past the CPUs (oversubscribed
 * workers time-slice without losing throughput); memory also close to 2x (latency-bound walks overlap). With SMT,
 * packed at threads=2 gains 0-30% over one thread while spread gains about 100%: the hyperthread yield.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScalingBenchmark implements AutoParams {

    /** This suite's {@code auto} values, for a trial run by plain JMH (see {@link AutoParams}). */
    static final AutoParams PARAMS = new ScalingBenchmark();

    /** Chunks per worker per batch: enough that the dynamic split balances to within about 1%. */
    static final int BATCH_CHUNKS_PER_THREAD = 128;

    /**
     * Kernel steps per chunk, sized to tens of microseconds per chunk on a current core (alu and fp a few ns per
     * step, memory about 100 ns per step), so a batch lasts milliseconds.
     */
    static int unitsPerChunk(String kernel) {
        return kernel.equals("memory") ? 512 : 16_384;
    }

    /**
     * The {@code @Param("auto")} values: thread counts and placements for this machine; the full profile
     * samples up to {@link ScalingPlan#MAX_THREAD_COUNTS} thread counts, quick fewer, and smoke (and the tests'
     * profile) only the points every plan must have.
     */
    @Override
    public List<String> values(String param, Profile profile) {
        int maxThreadCounts = switch (profile) {
            case FULL -> ScalingPlan.MAX_THREAD_COUNTS;
            case QUICK -> ScalingPlan.QUICK_THREAD_COUNTS;
            case SMOKE, TEST -> ScalingPlan.SMOKE_THREAD_COUNTS;
        };
        ScalingPlan plan = ScalingPlan.forThisMachine(maxThreadCounts);
        return switch (param) {
            case "threads" -> plan.threadCounts().stream().map(String::valueOf).toList();
            case "placement" -> plan.placements();
            default -> throw new IllegalArgumentException("no automatic values for @Param " + param);
        };
    }

    /** Kernel steps completed, reported by JMH per second as the secondary metric {@code workUnits}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Units {
        public long workUnits;

        @Setup(Level.Iteration)
        public void reset() {
            workUnits = 0;
        }
    }

    /** The worker pool for one (threads, kernel, placement) trial. */
    @State(Scope.Benchmark)
    public static class Sweep {
        @Param("auto")
        public String threads;

        @Param({"alu", "fp", "memory"})
        public String kernel;

        @Param("auto")
        public String placement;

        KernelThreads pool;
        Kernel reference;
        int chunks;
        int unitsPerChunk;
        long seed = Seeds.FIRST;
        long lastSeed;
        long lastChecksum;
        Optional<IntervalLog> latencyLog = Optional.empty();
        String latencyTag;
        boolean measuring;
        long iterationStartMs;

        @Setup(Level.Trial)
        public void start() {
            int threadCount = parseThreads(PARAMS.resolve("threads", threads));
            Placement where = Placement.parse(PARAMS.resolve("placement", placement));
            ScalingPlan plan = ScalingPlan.forThisMachine();
            if (!plan.placements().contains(where.label())) {
                throw new IllegalStateException("placement " + where.label() + " cannot be measured here: "
                        + plan.notes());
            }
            reference = Kernels.create(kernel);
            Kernel[] kernels = new Kernel[threadCount];
            for (int i = 0; i < threadCount; i++) {
                // memory: one shared read-only chain (see the header); alu and fp: a kernel per worker.
                kernels[i] = kernel.equals("memory") ? reference : Kernels.create(kernel);
            }
            unitsPerChunk = unitsPerChunk(kernel);
            chunks = BATCH_CHUNKS_PER_THREAD * threadCount;
            List<Integer> cpuOrder = where.cpuOrder(TopologyProbe.probe());
            pool = new KernelThreads(kernels, unitsPerChunk, cpuOrder, "scaling-" + kernel);
            List<String> pinning = pool.pinning();
            if (where != Placement.OS && pinning.stream().anyMatch(p -> !p.startsWith("cpu "))) {
                pool.close();
                throw new IllegalStateException("placement " + where.label() + " could not pin every worker: "
                        + pinning);
            }
            lastSeed = seed;
            lastChecksum = pool.runBatch(lastSeed, chunks);
            latencyLog = IntervalLog.forThisFork("scaling-" + kernel + "-" + where.label(),
                    String.format("t%04d", threadCount));
            latencyTag = "threads=" + threadCount;
        }

        @Setup(Level.Iteration)
        public void startInterval(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            pool.resetChunkLatency();
            iterationStartMs = System.currentTimeMillis();
        }

        @TearDown(Level.Iteration)
        public void endInterval() {
            if (measuring) {
                // The workers recorded into their histograms before the batch's closing phaser phase.
                latencyLog.ifPresent(log -> log.add(latencyTag, pool.chunkLatency(), iterationStartMs));
            }
        }

        @TearDown(Level.Iteration)
        public void verify() {
            long expected = KernelThreads.expectedChecksum(reference, lastSeed, chunks, unitsPerChunk);
            if (lastChecksum != expected) {
                throw new IllegalStateException("kernel " + kernel + " on " + threads + " threads (" + placement
                        + "), batch seed " + lastSeed + ": checksum " + lastChecksum + ", expected " + expected
                        + "; chunks per worker " + Arrays.toString(pool.chunksPerWorker()));
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.close();
            latencyLog.ifPresent(IntervalLog::write);
        }
    }

    /** The threads=1 batch on the benchmark thread itself. */
    @State(Scope.Thread)
    public static class Inline {
        @Param({"alu", "fp", "memory"})
        public String kernel;

        Kernel instance;
        int chunks = BATCH_CHUNKS_PER_THREAD;
        int unitsPerChunk;
        long seed = Seeds.FIRST;
        long lastSeed;
        long lastChecksum;

        @Setup(Level.Trial)
        public void build() {
            instance = Kernels.create(kernel);
            unitsPerChunk = unitsPerChunk(kernel);
            lastSeed = seed;
            lastChecksum = KernelThreads.expectedChecksum(instance, lastSeed, chunks, unitsPerChunk);
        }

        @TearDown(Level.Iteration)
        public void verify() {
            long expected = KernelThreads.expectedChecksum(instance, lastSeed, chunks, unitsPerChunk);
            if (lastChecksum != expected) {
                throw new IllegalStateException("inline " + kernel + " batch seed " + lastSeed + ": checksum "
                        + lastChecksum + ", expected " + expected);
            }
        }
    }

    @Benchmark
    public long baseline(Inline inline, Units units) {
        // The very same chunks as parallel(threads=1), with no hand-off: the floor of the sweep.
        long seed = inline.seed = Seeds.next(inline.seed);
        inline.lastSeed = seed;
        units.workUnits += (long) inline.chunks * inline.unitsPerChunk;
        return inline.lastChecksum = KernelThreads.expectedChecksum(inline.instance, seed, inline.chunks,
                inline.unitsPerChunk);
    }

    @Benchmark
    public long parallel(Sweep sweep, Units units) {
        // One batch across every worker; the benchmark thread only opens it and waits.
        long seed = sweep.seed = Seeds.next(sweep.seed);
        sweep.lastSeed = seed;
        units.workUnits += (long) sweep.chunks * sweep.unitsPerChunk;
        return sweep.lastChecksum = sweep.pool.runBatch(seed, sweep.chunks);
    }

    static int parseThreads(String threads) {
        try {
            int count = Integer.parseInt(threads.trim());
            if (count < 1) {
                throw new NumberFormatException("below 1");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threads='" + threads + "' is not a thread count: run through the"
                    + " execbench runner (which resolves \"auto\") or pass -p threads=N", e);
        }
    }
}
