package io.execbench.harness.models;

/**
 * Per-task overhead: the model's time minus inline's for the same tasks, per task. For one task at a time (the
 * latency benchmark) it is the hand-off's price; for a parallel batch it is the net cost per task, negative when
 * the model gains more from parallelism than it pays in hand-offs.
 *
 * <p>Interval: the half-widths of two independent estimates add in quadrature, {@code sqrt(e1^2 + e2^2)}.
 */
public final class Overhead {

    private Overhead() {
    }

    public static Estimate perTask(Estimate inlineTime, Estimate modelTime, int tasksPerCall) {
        double difference = (modelTime.value() - inlineTime.value()) / tasksPerCall;
        if (!inlineTime.hasInterval() || !modelTime.hasInterval()) {
            return Estimate.withoutInterval(difference);
        }
        double e1 = inlineTime.halfWidth();
        double e2 = modelTime.halfWidth();
        double half = Math.sqrt(e1 * e1 + e2 * e2) / tasksPerCall;
        return new Estimate(difference, difference - half, difference + half);
    }
}
