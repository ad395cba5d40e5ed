package io.execbench.harness.models;

/**
 * Speedup over {@code inline}: inline's time divided by the model's, for the same tasks.
 *
 * <p>Interval: propagated to first order on the log scale (the delta method). With relative half-widths
 * {@code r1 = e1/t1} and {@code r2 = e2/t2} of two independent times at the same confidence level,
 * {@code ln S = ln t1 - ln t2} has half-width {@code h = sqrt(r1^2 + r2^2)}, and the interval is
 * {@code [S e^-h, S e^h]}: positive, asymmetric as a ratio's should be, and close to the textbook
 * {@code S (1 +- h)} when both errors are small. It assumes the two runs are independent (separate JMH forks),
 * which they are. Unknown when either interval is unknown or reaches zero.
 */
public final class Speedup {

    private Speedup() {
    }

    public static Estimate of(Estimate inlineTime, Estimate modelTime) {
        double ratio = inlineTime.value() / modelTime.value();
        if (!inlineTime.hasInterval() || !modelTime.hasInterval()
                || inlineTime.low() <= 0 || modelTime.low() <= 0) {
            return Estimate.withoutInterval(ratio);
        }
        double r1 = inlineTime.halfWidth() / inlineTime.value();
        double r2 = modelTime.halfWidth() / modelTime.value();
        double h = Math.sqrt(r1 * r1 + r2 * r2);
        return new Estimate(ratio, ratio * Math.exp(-h), ratio * Math.exp(h));
    }

    /** True when the model is faster than inline beyond doubt: the whole interval above 1 (the value if unknown). */
    public static boolean beatsInline(Estimate speedup) {
        return speedup.hasInterval() ? speedup.low() > 1 : speedup.value() > 1;
    }
}
