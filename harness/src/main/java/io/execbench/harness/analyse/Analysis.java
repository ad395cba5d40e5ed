package io.execbench.harness.analyse;

import java.util.List;

/**
 * What the analysis of one run concludes: its experiments, the answers to the report's questions, the findings read
 * from them and the claims tested against them. Decided here, once; the writers only lay it out.
 */
public record Analysis(Experiments experiments, List<Answer> answers, List<Finding> findings, List<Claim> claims) {

    public Analysis {
        answers = List.copyOf(answers);
        findings = List.copyOf(findings);
        claims = List.copyOf(claims);
    }

    /** Answers, findings and claims of {@code experiments}. */
    public static Analysis of(Experiments experiments) {
        return new Analysis(experiments, Answers.of(experiments), Findings.all(experiments),
                Claims.of(experiments));
    }

    /** A run with none of the experiments. */
    public static Analysis none() {
        return of(Experiments.none());
    }
}
