package io.execbench.worker;

/**
 * A JVM that holds a pool of two busy workers and never closes it, for the kill -9 test: prints "pids A B" once the
 * workers answered, then keeps them busy with 10 ms tasks until it is killed.
 */
public final class PoolHolder {

    private PoolHolder() {
    }

    public static void main(String[] args) {
        WorkerPool pool = WorkerPool.start(WorkerCommand.standard(1 << 20), 2, WorkerTimeouts.DEFAULT);
        long[] seeds = {1, 2, 3, 4};
        long[] checksums = new long[seeds.length];
        pool.run((byte) 0, 1000, seeds, checksums);
        System.out.println("pids " + pool.pids().get(0) + " " + pool.pids().get(1));
        System.out.flush();
        while (true) {
            pool.run((byte) 0, 3_000_000, seeds, checksums);
        }
    }
}
