package io.execbench.harness;

import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.ComparisonSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command that judges shares ({@code compare}, {@code ab}): the thresholds and the exit rule. */
final class VerdictOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--min-effect", paramLabel = "FRACTION", defaultValue = "0.03",
            description = "Smallest relative change reported (default ${DEFAULT-VALUE} = 3%%).")
    private double minEffect;

    @Option(names = "--alpha", defaultValue = "0.01",
            description = "Significance level of the test (default ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--fail-on-regression", arity = "0..1", paramLabel = "true|false", defaultValue = "false",
            description = "Exit 4 when any benchmark regressed (default ${DEFAULT-VALUE}).")
    private boolean failOnRegression;

    /** The settings, or a usage error naming the option out of range. */
    ComparisonSettings settings() {
        try {
            return ComparisonSettings.DEFAULTS.with(alpha, minEffect);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /** {@link CompareCommand#REGRESSED} when asked to fail and something regressed, else {@link HarnessMain#OK}. */
    int exitCode(Comparison comparison) {
        return failOnRegression && !comparison.regressions().isEmpty() ? CompareCommand.REGRESSED : HarnessMain.OK;
    }
}
