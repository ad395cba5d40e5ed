package io.execbench.harness.compare;

import java.util.SplittableRandom;

/**
 * Paired rounds of two builds on a noisy shared machine, simulated: the shape of the A/B evidence in issue 19.
 * Each round the machine runs at a speed drawn uniformly from 0.85 to 1.15 of nominal, which hits both builds of
 * the round alike (they ran in the same minutes); each side then gets its own lognormal noise. The scores are
 * times (lower is better) unless a test inverts them.
 *
 * @param trueRatio    candidate / baseline time without noise, e.g. 1.10 for a 10% regression
 * @param driftFraction half-width of the per-round machine speed, 0.15 = ±15%
 * @param noiseSd      standard deviation of each side's log-noise, 0.03 = about 3%
 * @param wildRound    the round whose candidate score is multiplied by {@code wildFactor}, or -1 for none
 * @param wildFactor   3 for a candidate round three times slower (a cold round, in a time), 1/3 for three times
 *                     faster
 */
record SyntheticPairs(double trueRatio, double driftFraction, double noiseSd, int wildRound, double wildFactor) {

    /** The machine: ±15% drift between rounds, 3% noise per side, the candidate's third round 3x slower. */
    static SyntheticPairs noisyMachine(double trueRatio) {
        return new SyntheticPairs(trueRatio, 0.15, 0.03, 2, 3);
    }

    /** The same machine with the wild round's factor {@code factor} instead. */
    SyntheticPairs withWildFactor(double factor) {
        return new SyntheticPairs(trueRatio, driftFraction, noiseSd, wildRound, factor);
    }

    /** {@code rounds} log-ratios {@code log(B / A)}, the same for the same seed (a longer run extends a shorter). */
    double[] logRatios(long seed, int rounds) {
        SplittableRandom random = new SplittableRandom(seed);
        double baseNs = 1_000;
        double[] logRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double machine = 1 + driftFraction * (2 * random.nextDouble() - 1);
            double a = baseNs * machine * Math.exp(noiseSd * random.nextGaussian());
            double b = baseNs * trueRatio * machine * Math.exp(noiseSd * random.nextGaussian());
            if (round == wildRound) {
                b *= wildFactor;
            }
            logRatios[round] = PairedComparator.logRatio(a, b);
        }
        return logRatios;
    }
}
