package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Ratio;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The execution-model sweeps of a run: every throughput, average-time or single-shot benchmark with a
 * {@code model} parameter, one comparison per benchmark and combination of the parameters other than {@code model}
 * and {@code workUnits} (the task size). SampleTime results belong to the latency section.
 *
 * <p>Every score becomes a throughput in calls per second ({@code 1/time} for a time; the interval's ends swap), so
 * higher is better everywhere. The speedup over {@code inline} at the same task size is a ratio of independent
 * estimates with its interval propagated on the log scale ({@link Ratio}); the break-even size is the
 * smallest measured task size from which on every larger size's speedup interval lies above 1.
 *
 * @param sweeps one per benchmark and fixed parameters, in display order
 */
public record ModelExperiment(List<Sweep> sweeps) {

    public static final String INLINE = "inline";
    /** The parameter that marks a user's own workload's results (its class name): they form their own experiment. */
    public static final String WORKLOAD = "workload";

    public ModelExperiment {
        sweeps = List.copyOf(sweeps);
    }

    /**
     * One chart's worth.
     *
     * @param benchmark  the benchmark's short name
     * @param fixed      the other parameters as a label ({@code kernel=alu}), or empty
     * @param models     model names, inline first, then in parameter order
     * @param sizes      the task sizes ({@code workUnits}) in ascending order; one null entry when unswept
     * @param cells      one per measured (model, size)
     * @param breakEvens one per non-inline model, when inline was measured
     */
    public record Sweep(String benchmark, String fixed, List<String> models, List<Long> sizes,
                        List<Cell> cells, List<BreakEven> breakEvens) {

        /** The cell of {@code model} at {@code size}, or null. */
        public Cell cell(String model, Long size) {
            return cells.stream().filter(c -> c.model().equals(model) && Objects.equals(c.workUnits(), size))
                    .findFirst().orElse(null);
        }
    }

    /**
     * One model at one task size.
     *
     * @param callsPerSecond throughput with JMH's 99.9% interval, in benchmark calls per second
     * @param speedup        over inline at the same size, or null without an inline score
     * @param result         the JMH result it was read from
     */
    public record Cell(String model, Long workUnits, Estimate callsPerSecond, Estimate speedup,
                       BenchmarkResult result) {

        /** This cell's calls per second over {@code other}'s, with {@link Ratio}'s interval. */
        public Estimate over(Cell other) {
            return ModelExperiment.speedup(result, other.result);
        }
    }

    /**
     * @param workUnits      the break-even task size, empty when not reached at any measured size
     * @param lastLosingSize the largest measured size below it that did not beat inline, empty if none
     */
    public record BreakEven(String model, OptionalLong workUnits, OptionalLong lastLosingSize) {
    }

    public boolean isEmpty() {
        return sweeps.isEmpty();
    }

    /** The built-in kernels' sweeps: every model benchmark without a {@value #WORKLOAD} parameter. */
    public static ModelExperiment of(List<BenchmarkResult> results) {
        return of(results, false);
    }

    /** A user's own workload's sweeps: the model benchmarks with a {@value #WORKLOAD} parameter. */
    public static ModelExperiment ofWorkload(List<BenchmarkResult> results) {
        return of(results, true);
    }

    private static ModelExperiment of(List<BenchmarkResult> results, boolean userWorkload) {
        List<Sweep> sweeps = new ArrayList<>();
        for (ResultGroup group : ResultGrouping.group(results)) {
            if (group.mode().equals("sample")) {
                continue;
            }
            Map<Map<String, String>, List<BenchmarkResult>> byFixed = new LinkedHashMap<>();
            for (BenchmarkResult result : group.results()) {
                if (result.params().containsKey("model") && callsPerSecond(result) != null
                        && result.params().containsKey(WORKLOAD) == userWorkload) {
                    byFixed.computeIfAbsent(Scores.without(result.params(), "model", "workUnits"),
                            k -> new ArrayList<>()).add(result);
                }
            }
            byFixed.forEach((fixed, members) -> sweeps.add(sweep(group.shortName(), fixed, members)));
        }
        return new ModelExperiment(sweeps);
    }

    private static Sweep sweep(String benchmark, Map<String, String> fixed, List<BenchmarkResult> members) {
        // inline first: it is the reference every other model is read against
        List<String> models = members.stream().map(r -> r.params().get("model")).distinct()
                .sorted(Comparator.comparing((String m) -> !m.equals(INLINE))).toList();
        List<Long> sizes = new ArrayList<>(members.stream().map(r -> Scores.positiveLong(r.params(), "workUnits"))
                .distinct().toList());
        sizes.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<Long, BenchmarkResult> inline = new LinkedHashMap<>();
        for (BenchmarkResult result : members) {
            if (INLINE.equals(result.params().get("model"))) {
                inline.put(Scores.positiveLong(result.params(), "workUnits"), result);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (BenchmarkResult result : members) {
            Long size = Scores.positiveLong(result.params(), "workUnits");
            Estimate calls = callsPerSecond(result);
            BenchmarkResult reference = inline.get(size);
            cells.add(new Cell(result.params().get("model"), size, calls,
                    reference == null ? null : speedup(result, reference), result));
        }
        List<BreakEven> breakEvens = new ArrayList<>();
        if (!inline.isEmpty()) {
            for (String model : models) {
                if (!model.equals(INLINE)) {
                    breakEvens.add(breakEven(model, sizes, cells));
                }
            }
        }
        String label = fixed.isEmpty() ? "" : ParamLabel.of(fixed);
        return new Sweep(benchmark, label, models, sizes, cells, breakEvens);
    }

    private static BreakEven breakEven(String model, List<Long> sizes, List<Cell> cells) {
        List<Cell> measured = sizes.stream().filter(Objects::nonNull)
                .map(size -> cells.stream().filter(c -> c.model().equals(model) && size.equals(c.workUnits())
                        && c.speedup() != null).findFirst().orElse(null))
                .filter(Objects::nonNull).toList();
        int first = measured.size();
        while (first > 0 && beatsInline(measured.get(first - 1).speedup())) {
            first--;
        }
        if (first == measured.size()) {
            return new BreakEven(model, OptionalLong.empty(), OptionalLong.empty());
        }
        OptionalLong losing = first == 0 ? OptionalLong.empty() : OptionalLong.of(measured.get(first - 1).workUnits());
        return new BreakEven(model, OptionalLong.of(measured.get(first).workUnits()), losing);
    }

    /**
     * Calls per second of {@code model} over those of {@code inline}, with {@link Ratio}'s interval: for times per
     * call the ratio is inline's time over the model's, for rates the model's rate over inline's.
     */
    private static Estimate speedup(BenchmarkResult model, BenchmarkResult inline) {
        Ratio.Side m = Ratio.Side.of(model.primaryMetric());
        Ratio.Side i = Ratio.Side.of(inline.primaryMetric());
        double callsModel = callsPerSecond(model).value();
        double callsInline = callsPerSecond(inline).value();
        Estimate ratio = model.mode().equals("thrpt") ? Ratio.of(m, i) : Ratio.of(i, m);
        // the units of the two may differ (ops/ms against ops/s): rescale to the calls-per-second ratio
        return ratio.dividedBy(ratio.value() / (callsModel / callsInline));
    }

    /** Faster than inline beyond noise: the whole interval above 1 (the value alone when there is none). */
    public static boolean beatsInline(Estimate speedup) {
        return speedup.hasInterval() ? speedup.low() > 1 : speedup.value() > 1;
    }

    /** Calls per second with the interval, or null when the unit is neither a time nor a rate. */
    static Estimate callsPerSecond(BenchmarkResult result) {
        String unit = result.primaryMetric().scoreUnit();
        if (result.mode().equals("thrpt")) {
            var seconds = Units.secondsPerDenominator(unit);
            return seconds.isPresent() ? Scores.estimate(result.primaryMetric(), 1 / seconds.getAsDouble()) : null;
        }
        var nanos = Units.nanosPer(unit);
        if (nanos.isEmpty() || !(result.primaryMetric().score() > 0)) {
            return null;
        }
        Estimate seconds = Scores.estimate(result.primaryMetric(), nanos.getAsDouble() / 1e9);
        double value = 1 / seconds.value();
        if (!seconds.hasInterval()) {
            return new Estimate(value, Double.NaN, Double.NaN, seconds.confidence());
        }
        // A time interval reaching zero or below leaves the rate unbounded above, which is what the data say.
        double high = seconds.low() > 0 ? 1 / seconds.low() : Double.POSITIVE_INFINITY;
        return new Estimate(value, 1 / seconds.high(), high, seconds.confidence());
    }

}
