package io.execbench.harness.analyse;

/**
 * The questions a run's report answers first, in the order of the "At a glance" cards. Each names the page section
 * that holds its details.
 *
 * @param text   the question as a reader asks it
 * @param anchor the in-page id of the section with the details
 */
public enum Question {
    WORKLOAD("Which execution model for your own task, and from what size does offloading pay?", "workload"),
    MODELS("Which execution model for CPU-bound work, and from what task size does offloading pay?", "models"),
    IPC("What does a message cost, per transport and size?", "ipc"),
    CORES("How many effective cores does this machine give?", "scaling"),
    SERVER("Which model serves requests best under load?", "server"),
    PROCESSES("What does a process cost to start, and in memory?", "processes");

    private final String text;
    private final String anchor;

    Question(String text, String anchor) {
        this.text = text;
        this.anchor = anchor;
    }

    public String text() {
        return text;
    }

    public String anchor() {
        return anchor;
    }
}
