package io.execbench.workload;

/** A cheap deterministic sequence of seeds, so that successive tasks differ but every run repeats exactly. */
public final class Seeds {

    /** The first seed of every sequence. */
    public static final long FIRST = 0x1234_5678_9ABCL;

    private Seeds() {
    }

    /** The seed after {@code seed}: one step of a 64-bit linear congruential generator (Knuth's MMIX constants). */
    public static long next(long seed) {
        return seed * 6364136223846793005L + 1442695040888963407L;
    }
}
