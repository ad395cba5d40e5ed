package io.execbench.harness.compare;

/**
 * One run's score of one benchmark, in the series' unit.
 *
 * @param runId the run
 * @param score JMH's score
 * @param low   lower end of JMH's 99.9% confidence interval, NaN when JMH had none
 * @param high  upper end, likewise
 */
public record TrendPoint(String runId, double score, double low, double high) {
}
