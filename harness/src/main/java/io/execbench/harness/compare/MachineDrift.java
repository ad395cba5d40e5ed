package io.execbench.harness.compare;

import io.execbench.harness.read.CanaryReadings;
import io.execbench.harness.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * How much the machine itself changed between two runs, from their machine canaries ({@code canary.json}): probes
 * whose code never changes with the project. For each probe, every repetition of the baseline's readings against
 * every repetition of the current run's, as a ratio of medians with a Mann-Whitney U test. A probe that moved
 * significantly (p below alpha) and by more than the minimum effect is a change of the machine, and
 * {@link #magnitude()} (the largest such change, symmetric: 7% slower or faster) becomes one more candidate for every
 * benchmark's threshold: a difference no larger than the machine's own is not evidence about the code.
 *
 * <p>When both runs also read the canary beside every iteration ({@link CanaryRelative}), each benchmark is judged
 * relative to its own readings instead, and this comparison of the start and end readings is only reported
 * ({@link #judgedPerIteration()}: magnitude 0).
 *
 * @param probes       one per probe both runs have
 * @param magnitude    the largest significant relative change, 0 when none (or when judged per iteration)
 * @param note         why there is no canary comparison, or null when there is
 * @param perIteration whether the benchmarks were judged against the canary read beside each iteration instead
 */
public record MachineDrift(List<ProbeChange> probes, double magnitude, String note, boolean perIteration) {

    /** No canary in either run (runs from before the canary existed). */
    public static final MachineDrift NONE = new MachineDrift(List.of(), 0, "no machine canary in these runs");

    /**
     * One probe compared.
     *
     * @param probe    {@code cpu} or {@code wakeup}
     * @param unit     its unit (time per operation: higher is slower)
     * @param baseline the baseline's median
     * @param current  the current run's median
     * @param ratio    current / baseline
     * @param pValue   Mann-Whitney U, two-sided
     * @param counted  whether the change is significant and larger than the minimum effect
     */
    public record ProbeChange(String probe, String unit, double baseline, double current, double ratio,
                              double pValue, boolean counted) {

        /** The relative change, symmetric: {@code max(r, 1/r) - 1}. */
        public double change() {
            return symmetric(ratio);
        }

        /** E.g. {@code cpu 7.1% slower (3.102 vs 2.896 ns/step, p=1.2e-08)}. */
        public String describe() {
            String direction = ratio > 1 ? "slower" : ratio < 1 ? "faster" : "unchanged";
            return String.format(Locale.ROOT, "%s %.1f%% %s (%.4g vs %.4g %s, p=%.2g)%s", probe, change() * 100,
                    direction, current, baseline, unit, pValue, counted ? "" : ", not counted");
        }
    }

    public MachineDrift {
        probes = List.copyOf(probes);
    }

    public MachineDrift(List<ProbeChange> probes, double magnitude, String note) {
        this(probes, magnitude, note, false);
    }

    /** This drift, reported only: the benchmarks were judged against the canary read beside each iteration. */
    public MachineDrift judgedPerIteration() {
        return new MachineDrift(probes, 0, note, true);
    }

    public boolean hasCanary() {
        return note == null;
    }

    /** One line for summaries. */
    public String describe() {
        String perIterationNote = "; every benchmark was judged against the canary read beside each of its iterations";
        if (perIteration) {
            return (hasCanary() ? String.join("; ", probes.stream().map(ProbeChange::describe).toList())
                    + " (start and end readings, reported only)" : note) + perIterationNote;
        }
        if (!hasCanary()) {
            return note;
        }
        List<String> parts = probes.stream().map(ProbeChange::describe).toList();
        return String.join("; ", parts) + (magnitude > 0
                ? String.format(Locale.ROOT, ": the machine changed by %.1f%%, so no threshold is below that",
                        magnitude * 100)
                : ": the machine did not change measurably");
    }

    /** The drift between {@code baseline}'s and {@code current}'s canaries, or why there is none. */
    public static MachineDrift of(Optional<CanaryReadings> baseline, Optional<CanaryReadings> current,
                                  ComparisonSettings settings) {
        if (baseline.isEmpty() && current.isEmpty()) {
            return NONE;
        }
        if (baseline.isEmpty() || current.isEmpty()) {
            return new MachineDrift(List.of(), 0, "no machine canary in the "
                    + (baseline.isEmpty() ? "baseline" : "current run")
                    + " (a run from before canary.json), so the machine's own change is unknown");
        }
        List<ProbeChange> changes = new ArrayList<>();
        double magnitude = 0;
        for (var entry : current.get().probes().entrySet()) {
            CanaryReadings.Probe before = baseline.get().probes().get(entry.getKey());
            if (before == null) {
                continue;
            }
            double[] x = entry.getValue().samples();
            double[] y = before.samples();
            double ratio = Stats.median(x) / Stats.median(y);
            double p = MannWhitneyUTest.withDefaults().test(x, y).getPValue();
            boolean counted = p < settings.alpha() && symmetric(ratio) > settings.minEffect();
            changes.add(new ProbeChange(entry.getKey(), entry.getValue().unit(), Stats.median(y), Stats.median(x),
                    ratio, p, counted));
            if (counted) {
                magnitude = Math.max(magnitude, symmetric(ratio));
            }
        }
        if (changes.isEmpty()) {
            return new MachineDrift(List.of(), 0, "the two runs' canaries have no probe in common");
        }
        return new MachineDrift(changes, magnitude, null);
    }

    private static double symmetric(double ratio) {
        return Math.max(ratio, 1 / ratio) - 1;
    }
}
