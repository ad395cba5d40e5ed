package io.execbench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.child.ParentWatch;
import io.execbench.cpu.ExecutionModel;
import io.execbench.cpu.ExecutionModels;
import io.execbench.workload.AluKernel;
import io.execbench.workload.Fault;
import io.execbench.workload.FaultyKernel;
import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import io.execbench.workload.Seeds;
import io.execbench.worker.WorkerCommand;
import io.execbench.worker.WorkerPool;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One cell of the survival table, run in a sacrificial JVM of its own (started by {@link Survival}): the faulty
 * task, in a batch of {@value #TASKS} alu tasks, handed to one execution model; then what is left. {@code System.exit}
 * or an OutOfMemoryError in a thread model must not hit the JVM that measures, so it happens here.
 *
 * <p>Prints one JSON object on stdout (the fields of {@link Survival.Cell} this JVM can know) and halts: threads stuck
 * in an endless loop are not waited for. A JVM that ends before printing was taken down by the fault.
 *
 * <p>Steps: the batch (task {@value #POISON_INDEX} is the poison), bounded by {@link #BATCH_TIMEOUT} in the thread
 * models (the processes model is bounded by its workers' timeouts, and its pool must never be driven by two threads);
 * the innocent tasks that got no checksum are lost. Then the retry policy: every task without a checksum is sent
 * again on its own, up to {@value #RETRIES} more times, each attempt bounded too; a task that fails every attempt is
 * reported failed with its reason, so every task is accounted for. Then a clean batch: is the model still usable?
 */
public final class SurvivalTrial {

    static final int TASKS = 8;
    static final int POISON_INDEX = 2;
    static final int WORK_UNITS = 1000;
    static final int POOL_SIZE = 2;
    static final int RETRIES = 2;
    /** Longer than any healthy batch here, short enough for the suite's budget; a worker's reply timeout is less. */
    static final Duration BATCH_TIMEOUT = Duration.ofMillis(1500);
    static final Duration WORKER_REPLY_TIMEOUT = Duration.ofSeconds(1);

    private SurvivalTrial() {
    }

    public static void main(String[] args) {
        ParentWatch.start(() -> { });
        String modelName = args[0];
        Fault fault = Fault.parse(args[1]);
        PrintStream out = System.out;
        System.setOut(System.err); // stdout carries the one result line
        Map<String, Object> cell = new LinkedHashMap<>();
        WorkerPool pool = null;
        ExecutionModel model;
        if (modelName.equals(ExecutionModels.PROCESSES)) {
            pool = WorkerPool.start(WorkerCommand.faulty(Kernels.memoryFootprintBytes(), fault.label()), POOL_SIZE,
                    io.execbench.worker.WorkerTimeouts.DEFAULT.withReply(WORKER_REPLY_TIMEOUT));
            model = ExecutionModels.processPool(pool, Kernels.memoryFootprintBytes());
        } else {
            model = ExecutionModels.create(modelName, POOL_SIZE);
        }
        List<Long> pidsBefore = pool == null ? List.of() : pool.pids();
        long[] seeds = seeds(Seeds.FIRST);
        seeds[POISON_INDEX] = FaultyKernel.POISON_SEED;
        long[] expected = Arrays.stream(seeds).map(s -> new AluKernel().run(s, WORK_UNITS)).toArray();
        boolean[] done = new boolean[TASKS];
        Kernel kernel = new FaultyKernel(fault);

        Duration timeout = pool == null ? BATCH_TIMEOUT : null;
        cell.put("firstBatch", attempt(model, kernel, seeds, expected, done, timeout));
        cell.put("innocentTasks", TASKS - 1);
        cell.put("lost", innocentMissing(done));
        String lastFailure = "";
        for (int i = 0; i < TASKS; i++) {
            for (int retry = 1; retry <= RETRIES && !done[i]; retry++) {
                boolean[] one = new boolean[1];
                lastFailure = attempt(model, kernel, new long[] {seeds[i]}, new long[] {expected[i]}, one, timeout);
                done[i] = one[0];
            }
        }
        cell.put("lostAfterRetry", innocentMissing(done));
        cell.put("poison", done[POISON_INDEX] ? "completed" : "reported failed after " + (RETRIES + 1)
                + " attempts: " + lastFailure);
        if (pool != null) {
            pool.pids(); // replacements started before the clean batch is sent (see FaultIsolationBenchmark.recover)
        }
        long[] clean = seeds(Seeds.next(FaultyKernel.POISON_SEED));
        long[] cleanExpected = Arrays.stream(clean).map(s -> new AluKernel().run(s, WORK_UNITS)).toArray();
        boolean[] cleanDone = new boolean[TASKS];
        attempt(model, kernel, clean, cleanExpected, cleanDone, timeout);
        cell.put("usable", allDone(cleanDone));
        if (pool != null) {
            // the worker that was not given the poison, untouched by the other's crash
            List<Long> after = pool.pids();
            int other = 1 - POISON_INDEX % POOL_SIZE;
            cell.put("otherWorkerSurvived", pidsBefore.get(other).equals(after.get(other)));
            cell.put("replaced", pool.replaced());
        }
        try {
            out.println(new ObjectMapper().writeValueAsString(cell));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        if (pool != null) {
            pool.close(); // its workers are this JVM's children: they end here, not at the halt
        }
        Runtime.getRuntime().halt(0); // threads stuck in an endless loop would keep the JVM alive
    }

    private static long[] seeds(long first) {
        long[] seeds = new long[TASKS];
        long s = first;
        for (int i = 0; i < TASKS; i++) {
            seeds[i] = s = Seeds.next(s);
        }
        return seeds;
    }

    /**
     * Runs one batch on a thread of its own, so that a caller stuck in the poison (inline, an endless loop) can be
     * timed out after {@code timeout} (null: wait until the model returns); marks each task whose checksum is right.
     * Returns "completed", "failed: ..." or "timed out ...".
     */
    static String attempt(ExecutionModel model, Kernel kernel, long[] seeds, long[] expected, boolean[] done,
                          Duration timeout) {
        long[] checksums = new long[seeds.length];
        long[] unset = Arrays.stream(expected).map(e -> ~e).toArray(); // a value no task returns
        System.arraycopy(unset, 0, checksums, 0, checksums.length);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().daemon().name("execbench-survival-caller").start(() -> {
            try {
                model.run(kernel, WORK_UNITS, seeds, checksums);
            } catch (Throwable t) { // the fault under test may be any Throwable: record it, whatever it is
                failure.set(t);
            }
        });
        String outcome;
        try {
            if (timeout == null) {
                caller.join();
            } else {
                caller.join(timeout);
            }
            outcome = caller.isAlive() ? "timed out after " + timeout.toMillis() + " ms"
                    : failure.get() == null ? "completed" : "failed: " + firstLine(failure.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        // A timed-out batch may still finish some tasks in other threads: a short grace, then count.
        if (caller.isAlive()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < seeds.length; i++) {
            done[i] |= checksums[i] == expected[i];
        }
        return outcome;
    }

    private static String firstLine(Throwable t) {
        String text = t.toString();
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            text = cause.toString();
        }
        int newline = text.indexOf('\n');
        text = newline < 0 ? text : text.substring(0, newline);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static int innocentMissing(boolean[] done) {
        int missing = 0;
        for (int i = 0; i < done.length; i++) {
            if (i != POISON_INDEX && !done[i]) {
                missing++;
            }
        }
        return missing;
    }

    private static boolean allDone(boolean[] done) {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }
}
