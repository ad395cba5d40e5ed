package io.execbench.workload;

/**
 * Integer mixing that stays in registers: one step is a xorshift64 round followed by a multiply, so each step
 * depends on the previous one (no vectorisation, no instruction-level overlap between steps) and touches no memory.
 * One step costs a few nanoseconds on a current x86 core.
 */
public final class AluKernel implements Kernel {

    // Fibonacci hashing constant: an odd multiplier with well-spread bits, so the multiply never collapses state.
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "alu";
    }

    @Override
    public long run(long seed, int workUnits) {
        long x = seed ^ GOLDEN_GAMMA;
        if (x == 0) {
            x = 1; // zero is a fixed point of both xorshift and the multiply; every other state stays non-zero
        }
        for (int i = 0; i < workUnits; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            x *= GOLDEN_GAMMA;
        }
        return x;
    }
}
