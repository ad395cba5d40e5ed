package io.execbench.harness.compare.ab;

/** An A/B comparison could not be set up or run: the message is one sentence naming the ref, build or step. */
public final class AbException extends Exception {

    private static final long serialVersionUID = 1L;

    public AbException(String message) {
        super(message);
    }
}
