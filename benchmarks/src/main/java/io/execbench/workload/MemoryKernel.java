package io.execbench.workload;

import java.util.SplittableRandom;

/**
 * Dependent loads over an array larger than the last-level cache: each step reads the index of the next step, so
 * the loads cannot overlap and every step pays a cache (and usually TLB) miss. The chain visits one int per
 * 64-byte cache line in a random single cycle (Sattolo's algorithm), which defeats the hardware prefetchers and
 * guarantees the walk never falls into a short loop that would fit in cache.
 *
 * <p>Building the chain touches the whole footprint, so build one per trial, outside any timed region.
 */
public final class MemoryKernel implements Kernel {

    static final int INTS_PER_LINE = 16; // 64-byte lines, 4-byte ints
    private static final long CHAIN_SEED = 0x5EEDL; // fixed: the chain, and so the checksums, are reproducible

    private final int[] next;
    private final int nodeCount;

    /** Builds a chain over {@code footprintBytes} of memory (rounded down to whole cache lines, at least 2). */
    public MemoryKernel(long footprintBytes) {
        long lines = Math.max(2, footprintBytes / (INTS_PER_LINE * Integer.BYTES));
        if (lines * INTS_PER_LINE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("footprint too large for one int[]: " + footprintBytes + " bytes");
        }
        this.nodeCount = (int) lines;
        this.next = new int[nodeCount * INTS_PER_LINE];
        int[] order = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(CHAIN_SEED);
        for (int i = nodeCount - 1; i > 0; i--) {
            int j = random.nextInt(i); // j < i, never i itself: Sattolo, so the permutation is one cycle
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        for (int i = 0; i < nodeCount; i++) {
            next[order[i] * INTS_PER_LINE] = order[(i + 1) % nodeCount] * INTS_PER_LINE;
        }
    }

    @Override
    public String name() {
        return "memory";
    }

    /**
     * Where a walk starts. Callers vary the seed per call so that a short walk does not revisit the same few lines
     * every time: they would stay in cache and the kernel would measure L1 hits instead of memory.
     */
    int startIndex(long seed) {
        return (int) Long.remainderUnsigned(seed * 0x9E3779B97F4A7C15L, nodeCount) * INTS_PER_LINE;
    }

    /** The index that follows {@code index} in the chain. */
    int nextIndex(int index) {
        return next[index];
    }

    /** The bytes the chain spans. */
    public long footprintBytes() {
        return (long) next.length * Integer.BYTES;
    }

    @Override
    public long run(long seed, int workUnits) {
        int index = startIndex(seed);
        long sum = 0;
        for (int i = 0; i < workUnits; i++) {
            index = next[index];
            sum += index;
        }
        return sum * 31 + index;
    }
}
