package io.execbench.scaling;

import io.execbench.topology.Affinity;
import io.execbench.topology.CpuList;
import io.execbench.workload.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The scaling sweep's threads (not a pool of worker JVMs: that is io.execbench.worker.WorkerPool): a fixed set of
 * platform threads, started (and pinned) once, that run one batch of kernel chunks per call of
 * {@link #runBatch}. The caller does no work itself: it opens the batch, sleeps in the phaser, and wakes when every
 * worker has arrived at the end, so exactly {@code threads} threads compete for CPUs.
 *
 * <p>Chunks are claimed from one shared counter, not split statically: a worker that shares its CPU (more workers
 * than CPUs, or a CPU busy with someone else's build) simply claims fewer chunks, and the batch measures what the
 * CPUs can deliver rather than how badly a static split is imbalanced. One claim is one uncontended-ish atomic
 * increment per chunk of tens of microseconds: well under 1% of the work.
 *
 * <p>Chunk {@code c} of a batch with seed {@code s} always runs {@code kernel.run(chunkSeed(s, c), unitsPerChunk)}
 * and the batch checksum is the (wrapping) sum over chunks, so it does not depend on which worker ran which chunk,
 * and {@link #expectedChecksum} can recompute it on one thread.
 *
 * <p>Chunk latency: each worker also records the wall time of every chunk it runs (from claiming it to finishing it)
 * in its own HdrHistogram. Up to one worker per CPU that is the chunk's compute time; with more workers than CPUs a
 * chunk that loses its CPU mid-way waits out other workers' time slices, and the tail of this distribution is what
 * oversubscription does to latency. Two {@code System.nanoTime()} reads and one histogram update per chunk of tens of
 * microseconds cost well under 0.1%.
 */
final class KernelThreads implements AutoCloseable {

    private static final int PAD = 16; // longs between two workers' slots: 128 bytes, so no false sharing
    /** The longest chunk latency a histogram tracks; longer ones (a stall of a minute) are recorded as this. */
    static final long MAX_RECORDED_NS = TimeUnit.SECONDS.toNanos(60);

    private final Kernel[] kernels;
    private final int unitsPerChunk;
    private final Phaser phaser;
    private final List<Thread> workers = new ArrayList<>();
    private final long[] partialChecksums;
    private final long[] chunksDone;
    private final String[] pinning;
    private final Histogram[] chunkLatency;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final CountDownLatch started;
    private long batchSeed;
    private int batchChunks;
    private volatile Throwable failure;

    /**
     * Starts {@code kernels.length} workers; worker {@code i} uses {@code kernels[i]} and, when {@code cpuOrder} is
     * not empty, pins itself to {@code cpuOrder.get(i % size)} before its first batch.
     */
    KernelThreads(Kernel[] kernels, int unitsPerChunk, List<Integer> cpuOrder, String name) {
        int threads = kernels.length;
        this.kernels = kernels.clone();
        this.unitsPerChunk = unitsPerChunk;
        this.phaser = new Phaser(threads + 1);
        this.partialChecksums = new long[threads * PAD];
        this.chunksDone = new long[threads * PAD];
        this.pinning = new String[threads];
        this.chunkLatency = new Histogram[threads];
        for (int i = 0; i < threads; i++) {
            chunkLatency[i] = new Histogram(MAX_RECORDED_NS, 3);
        }
        this.started = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Integer cpu = cpuOrder.isEmpty() ? null : cpuOrder.get(i % cpuOrder.size());
            Thread worker = Thread.ofPlatform().name(name + "-" + i).daemon().unstarted(() -> work(index, cpu));
            workers.add(worker);
            worker.start();
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting workers", e);
        }
    }

    /** Per worker: {@code "os"} (not pinned), {@code "cpu N"} (pinned and read back), or the pinning failure. */
    List<String> pinning() {
        return List.of(pinning);
    }

    /** Runs {@code chunks} chunks across the workers and returns the batch checksum. */
    long runBatch(long seed, int chunks) {
        batchSeed = seed;
        batchChunks = chunks;
        nextChunk.set(0);
        phaser.arriveAndAwaitAdvance(); // opens the batch; the phaser publishes the fields above to the workers
        phaser.arriveAndAwaitAdvance(); // every worker has added its partial checksum
        if (failure != null) {
            throw new IllegalStateException("a worker failed: " + failure, failure);
        }
        long sum = 0;
        for (int i = 0; i < workers.size(); i++) {
            sum += partialChecksums[i * PAD];
        }
        return sum;
    }

    /** Chunks each worker ran in the last batch: shows how the OS or the pinning shared the CPUs. */
    long[] chunksPerWorker() {
        long[] counts = new long[workers.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = chunksDone[i * PAD];
        }
        return counts;
    }

    /**
     * Every chunk's latency (ns) since the last {@link #resetChunkLatency}, all workers together. Call between
     * batches (from the thread that calls {@link #runBatch}), never during one.
     */
    Histogram chunkLatency() {
        Histogram all = new Histogram(MAX_RECORDED_NS, 3);
        for (Histogram worker : chunkLatency) {
            all.add(worker);
        }
        return all;
    }

    /** Forgets the chunk latencies recorded so far; call between batches. */
    void resetChunkLatency() {
        for (Histogram worker : chunkLatency) {
            worker.reset();
        }
    }

    /** The checksum {@link #runBatch} must return, recomputed on the calling thread. */
    static long expectedChecksum(Kernel kernel, long seed, int chunks, int unitsPerChunk) {
        long sum = 0;
        for (int c = 0; c < chunks; c++) {
            sum += kernel.run(chunkSeed(seed, c), unitsPerChunk);
        }
        return sum;
    }

    static long chunkSeed(long batchSeed, int chunk) {
        return batchSeed + chunk * 0x9E3779B97F4A7C15L;
    }

    private void work(int index, Integer cpu) {
        if (cpu == null) {
            pinning[index] = "os";
        } else {
            Affinity.Result result = Affinity.pinCurrentThread(List.of(cpu));
            pinning[index] = result.ok() && result.cpus().orElseThrow().equals(List.of(cpu)) ? "cpu " + cpu
                    : result.ok() ? "pinned to cpu " + cpu + " but runs on " + CpuList.format(result.cpus().orElseThrow())
                    : result.failure();
        }
        started.countDown();
        Kernel kernel = kernels[index];
        Histogram latency = chunkLatency[index];
        while (phaser.arriveAndAwaitAdvance() >= 0) {
            long sum = 0;
            long done = 0;
            try {
                int chunks = batchChunks;
                long seed = batchSeed;
                long claimed = System.nanoTime();
                for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                    sum += kernel.run(chunkSeed(seed, c), unitsPerChunk);
                    long finished = System.nanoTime();
                    latency.recordValue(Math.min(finished - claimed, MAX_RECORDED_NS));
                    claimed = finished;
                    done++;
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            partialChecksums[index * PAD] = sum;
            chunksDone[index * PAD] = done;
            if (phaser.arriveAndAwaitAdvance() < 0) {
                return;
            }
        }
    }

    @Override
    public void close() {
        phaser.forceTermination(); // every worker waiting in the phaser returns and exits
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
