package io.execbench.worker;

import java.time.Duration;

/**
 * A parent for the busy-worker kill -9 test: starts one real worker, queues {@link #TASKS} alu tasks of
 * {@link Integer#MAX_VALUE} steps each (seconds each, minutes in all) in its stdin, prints "pid N" and waits to be
 * killed. The queued tasks stay readable after the parent dies, so the worker would see the end of its stdin only
 * after all of them: only its parent watch can end it in time.
 */
public final class LongTaskHolder {

    static final int TASKS = 100;
    private static final byte ALU = 0;

    private LongTaskHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Watchdog patient = new Watchdog(WorkerTimeouts.DEFAULT.withReply(Duration.ofHours(1)));
        WorkerProcess worker = WorkerProcess.launch(WorkerCommand.standard(1 << 20), "busy worker", patient)
                .awaitHello();
        for (int i = 0; i < TASKS; i++) {
            worker.send(ALU, Integer.MAX_VALUE, i);
        }
        worker.flush();
        System.out.println("pid " + worker.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
