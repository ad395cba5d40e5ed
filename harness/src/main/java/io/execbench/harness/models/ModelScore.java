package io.execbench.harness.models;

/**
 * One result of the execution-model suite: the time one benchmark call took, in the same unit for every score
 * compared with it.
 *
 * @param model        the {@code model} parameter, e.g. {@code fixedPool}
 * @param kernel       the {@code kernel} parameter
 * @param workUnits    the {@code workUnits} parameter: the size of each task
 * @param tasksPerCall tasks in one call (the batch size; 1 for the one-task latency benchmark)
 * @param time         the time per call with its interval (JMH's score and confidence interval)
 */
public record ModelScore(String model, String kernel, int workUnits, int tasksPerCall, Estimate time) {
}
