package io.execbench.harness.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every model compared with {@code inline} on the same tasks: speedup and per-task overhead per (model, kernel,
 * task size), and the break-even task size per (model, kernel). Pure: scores in, numbers out.
 */
public final class ModelComparison {

    public static final String INLINE = "inline";

    /** One model at one task size against inline. */
    public record Row(String model, String kernel, int workUnits, Estimate speedup, Estimate overheadPerTask) {
    }

    private ModelComparison() {
    }

    /**
     * Compares each non-inline score with the inline score of the same kernel, task size and batch size; scores
     * without such an inline score are left out (nothing to compare them with).
     */
    public static List<Row> rows(List<ModelScore> scores) {
        Map<String, ModelScore> inline = new LinkedHashMap<>();
        for (ModelScore score : scores) {
            if (INLINE.equals(score.model())) {
                inline.put(key(score), score);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ModelScore score : scores) {
            ModelScore reference = inline.get(key(score));
            if (!INLINE.equals(score.model()) && reference != null) {
                rows.add(new Row(score.model(), score.kernel(), score.workUnits(),
                        Speedup.of(reference.time(), score.time()),
                        Overhead.perTask(reference.time(), score.time(), score.tasksPerCall())));
            }
        }
        return List.copyOf(rows);
    }

    /** The break-even per model and kernel, in the order the models first appear. */
    public static List<BreakEven> breakEvens(List<Row> rows, String kernel) {
        Map<String, List<BreakEven.Point>> byModel = new LinkedHashMap<>();
        for (Row row : rows) {
            if (Objects.equals(kernel, row.kernel())) {
                byModel.computeIfAbsent(row.model(), m -> new ArrayList<>())
                        .add(new BreakEven.Point(row.workUnits(), row.speedup()));
            }
        }
        return byModel.entrySet().stream().map(e -> BreakEven.of(e.getKey(), e.getValue())).toList();
    }

    /**
     * The kernel's cost per unit from an inline score: time per call / (tasks x workUnits), in the score's unit.
     * The suite's inline batches are its calibration: task sizes in time = workUnits x this.
     */
    public static Estimate timePerUnit(ModelScore inlineScore) {
        if (inlineScore.workUnits() <= 0) {
            throw new IllegalArgumentException("no calibration from a score of " + inlineScore.workUnits() + " units");
        }
        return inlineScore.time().dividedBy((double) inlineScore.tasksPerCall() * inlineScore.workUnits());
    }

    private static String key(ModelScore score) {
        return score.kernel() + '/' + score.workUnits() + '/' + score.tasksPerCall();
    }
}
