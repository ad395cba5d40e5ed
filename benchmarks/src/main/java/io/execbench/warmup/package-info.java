/**
 * Warm-up decided from data: a benchmark's trial set-up runs its operation in short batches until the batch times
 * stop moving (or a cap), and each fork records how long that took and whether it got there. See
 * {@link io.execbench.warmup.SteadyWarmup}.
 */
package io.execbench.warmup;
