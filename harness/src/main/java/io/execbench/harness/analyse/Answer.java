package io.execbench.harness.analyse;

/**
 * The run's answer to one {@link Question}, or the one line saying why it cannot answer it.
 *
 * @param question   what is answered
 * @param answer     the answer in one line, or null when the run cannot answer
 * @param number     the number the answer rests on, with its interval, or null
 * @param unanswered why the run cannot answer, or null when it can
 * @param sketch     the numbers for the answer's small chart, or null
 */
public record Answer(Question question, String answer, String number, String unanswered, Sketch sketch) {

    static Answer of(Question question, String answer, String number, Sketch sketch) {
        return new Answer(question, answer, number, null, sketch);
    }

    static Answer cannot(Question question, String why) {
        return new Answer(question, null, null, why, null);
    }

    public boolean answered() {
        return answer != null;
    }
}
