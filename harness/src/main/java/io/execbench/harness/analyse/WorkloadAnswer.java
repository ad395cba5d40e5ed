package io.execbench.harness.analyse;

import io.execbench.harness.read.Metric;
import io.execbench.harness.read.UserWorkloadFacts;
import io.execbench.harness.stats.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain-words answer for a user's own workload: which model to use at the largest size measured, from which
 * size offloading pays, and from which size worker processes pay (or that they never do here), each with the
 * speedup's interval ({@link ModelExperiment}'s, from {@code stats/Ratio}), and what one call allocates when JMH's gc
 * profiler measured it.
 */
final class WorkloadAnswer {

    /** JMH's gc profiler: bytes allocated per benchmark call. */
    static final String ALLOCATED_PER_CALL = "gc.alloc.rate.norm";
    /** Below this per task, allocation cannot weigh on the answer and is not mentioned. */
    static final double ALLOCATION_WORTH_SAYING_BYTES = 1024;

    private WorkloadAnswer() {
    }

    static Optional<Answer> of(ModelExperiment workload, UserWorkloadFacts facts) {
        if (workload.isEmpty()) {
            return Optional.empty(); // no workload in this run: no card at all
        }
        Optional<ModelExperiment.Sweep> swept = workload.sweeps().stream().filter(s -> !s.breakEvens().isEmpty())
                .max(Comparator.comparingLong(s -> s.sizes().stream().filter(Objects::nonNull).count()));
        if (swept.isEmpty()) {
            return Optional.of(Answer.cannot(Question.WORKLOAD, "Your workload ran, but inline and another model "
                    + "were not measured at one size, so no speedup can be computed."));
        }
        ModelExperiment.Sweep sweep = swept.get();
        String name = sweep.cells().getFirst().result().params().get(ModelExperiment.WORKLOAD);
        Long largest = sweep.sizes().stream().filter(Objects::nonNull).max(Long::compare).orElseThrow();
        List<ModelExperiment.Cell> ranked = sweep.cells().stream().filter(c -> largest.equals(c.workUnits()))
                .sorted(Comparator.comparingDouble((ModelExperiment.Cell c) -> c.callsPerSecond().value()).reversed())
                .toList();
        // The advice: the fastest model whose whole speedup interval lies above 1; inline when there is none.
        Optional<ModelExperiment.Cell> winner = ranked.stream()
                .filter(c -> !c.model().equals(ModelExperiment.INLINE) && c.speedup() != null
                        && ModelExperiment.beatsInline(c.speedup()))
                .findFirst();
        ModelExperiment.Cell fastest = ranked.getFirst();
        String use;
        if (winner.isPresent()) {
            ModelExperiment.Cell w = winner.get();
            use = "use " + w.model() + " (" + Text.estimate(w.speedup()) + " x inline's speed"
                    + (w == fastest ? "" : "; " + fastest.model() + " " + Text.estimate(fastest.speedup())
                            + " x is within noise of inline") + ")";
        } else {
            use = "run it inline (no model is faster beyond noise" + (fastest.model().equals(ModelExperiment.INLINE)
                    ? ")" : "; " + fastest.model() + " " + Text.estimate(fastest.speedup()) + " x)");
        }
        StringBuilder answer = new StringBuilder("For your task " + name + " at " + sized(sweep, largest, facts)
                + ", " + use + "; ");
        Optional<ModelExperiment.BreakEven> earliest = sweep.breakEvens().stream()
                .filter(b -> b.workUnits().isPresent())
                .min(Comparator.comparingLong(b -> b.workUnits().getAsLong()));
        answer.append(earliest.map(b -> "offloading pays from " + pays(sweep, b, facts))
                .orElse("offloading pays at no size measured (up to " + largest + ")")).append("; ");
        Optional<ModelExperiment.BreakEven> processes = sweep.breakEvens().stream()
                .filter(b -> b.model().equals("processes")).findFirst();
        answer.append(processes.map(b -> b.workUnits().isPresent() ? "processes pay from " + pays(sweep, b, facts)
                        : "processes never pay on this machine at the sizes measured (up to " + largest + ")")
                .orElse("processes were not measured"));
        allocation(sweep, facts).ifPresent(answer::append);
        answer.append('.');
        String number = winner.map(w -> w.model() + " over inline at size " + largest + ": "
                + Text.estimate(w.speedup()) + " x (" + Text.confidence(w.speedup()) + ")").orElse(null);
        List<Sketch.Line> lines = new ArrayList<>();
        for (String model : sweep.models()) {
            if (!model.equals(ModelExperiment.INLINE)) {
                lines.add(new Sketch.Line(model, sweep.cells().stream()
                        .filter(c -> c.model().equals(model) && c.speedup() != null && c.workUnits() != null)
                        .map(c -> new Sketch.Point(c.workUnits(), c.speedup())).toList()));
            }
        }
        return Optional.of(Answer.of(Question.WORKLOAD, answer.toString(), number,
                new Sketch("size (" + facts.sizeUnit() + ")", "speedup over inline", lines, 1)));
    }

    /** {@code size 5325 (bytes hashed; about 10.2 us [9.8 us, 10.6 us] per call inline)}. */
    private static String sized(ModelExperiment.Sweep sweep, long size, UserWorkloadFacts facts) {
        List<String> about = new ArrayList<>();
        if (!facts.sizeUnit().equals("size")) {
            about.add(facts.sizeUnit());
        }
        perCall(sweep, size, facts).ifPresent(about::add);
        return "size " + size + (about.isEmpty() ? "" : " (" + String.join("; ", about) + ")");
    }

    /** {@code about 10.2 us [9.8 us, 10.6 us] per call inline}: inline's batch time over the tasks of a batch. */
    private static Optional<String> perCall(ModelExperiment.Sweep sweep, long size, UserWorkloadFacts facts) {
        ModelExperiment.Cell inline = sweep.cell(ModelExperiment.INLINE, size);
        if (inline == null || facts.tasksPerBatch() == 0) {
            return Optional.empty();
        }
        Estimate calls = inline.callsPerSecond();
        double perTask = 1e9 / facts.tasksPerBatch();
        Estimate nanos = calls.hasInterval()
                ? new Estimate(perTask / calls.value(), perTask / calls.high(), perTask / calls.low(),
                        calls.confidence())
                : Estimate.withoutInterval(perTask / calls.value(), calls.confidence());
        return Optional.of("about " + Text.time(nanos) + " per call inline");
    }

    /** {@code size 5325 (about 10 us per call), fixedPool 1.4 [1.1, 1.8] x}. */
    private static String pays(ModelExperiment.Sweep sweep, ModelExperiment.BreakEven breakEven,
                               UserWorkloadFacts facts) {
        long size = breakEven.workUnits().getAsLong();
        ModelExperiment.Cell cell = sweep.cell(breakEven.model(), size);
        return sized(sweep, size, facts) + " on " + breakEven.model()
                + (cell == null || cell.speedup() == null ? "" : ", " + Text.estimate(cell.speedup()) + " x");
    }

    /**
     * What one call allocates inline, when the gc profiler measured enough to matter. Read at the smallest size: its
     * many calls per iteration spread what each iteration itself allocates (JMH's and the canary's) thinnest, where
     * a 10 ms task's one or two calls per iteration would carry all of it.
     */
    private static Optional<String> allocation(ModelExperiment.Sweep sweep, UserWorkloadFacts facts) {
        Long smallest = sweep.sizes().stream().filter(Objects::nonNull).min(Long::compare).orElse(null);
        ModelExperiment.Cell inline = sweep.cell(ModelExperiment.INLINE, smallest);
        if (inline == null || facts.tasksPerBatch() == 0) {
            return Optional.empty();
        }
        Metric allocated = inline.result().secondaryMetrics().get(ALLOCATED_PER_CALL);
        if (allocated == null || !(allocated.score() / facts.tasksPerBatch() >= ALLOCATION_WORTH_SAYING_BYTES)) {
            return Optional.empty();
        }
        return Optional.of("; at size " + smallest + " each call allocates about "
                + Text.bytes(allocated.score() / facts.tasksPerBatch()) + " (JMH's gc profiler): the threads of one "
                + "JVM share one garbage collector, worker processes each have their own");
    }
}
