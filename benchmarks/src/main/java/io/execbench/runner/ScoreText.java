package io.execbench.runner;

import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Formats a JMH primary result for a progress line: {@code 12.3 ± 0.4 ns/op}. */
final class ScoreText {

    private ScoreText() {
    }

    static String of(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double error = primary.getScoreError();
        String errorText = Double.isNaN(error) ? "(no error estimate: too few samples)" : "± " + round(error);
        return String.format(Locale.ROOT, "%s %s %s", round(primary.getScore()), errorText, primary.getScoreUnit());
    }

    private static String round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
