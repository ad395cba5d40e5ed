package io.execbench.harness.analyse;

/**
 * One sentence computed from a run, under the question it bears on.
 *
 * @param question the question it bears on, or null for one that bears on none (a latency chart of its own)
 * @param rank     0 for what answers the question, higher for supporting detail: the page lists low ranks first
 * @param headline the short sentence a reader sees first
 * @param detail   the full sentence, every number with its interval
 */
public record Finding(Question question, int rank, String headline, String detail) {
}
