package io.execbench.process;

import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.workload.AluKernel;
import io.execbench.workload.Fault;
import io.execbench.workload.FaultyKernel;
import io.execbench.workload.Kernels;
import io.execbench.workload.Seeds;
import io.execbench.worker.WorkerCommand;
import io.execbench.worker.WorkerFailedException;
import io.execbench.worker.WorkerPool;
import io.execbench.worker.WorkerTimeouts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Question: what survives a faulty task, per execution model? "A crash in a child process does not take down the
 * parent or the other children; threads share one fate."
 *
 * Measures:
 *  - recover (SingleShotTime, one crash per sample): a pool of two worker JVMs is sent a batch whose first task is
 *    the poison (it goes to worker 0, an innocent task to worker 1); the time from sending it until the pool has
 *    detected the failure and a replacement worker has answered its first task. For fault=loop the detection is the
 *    workers' reply timeout (SurvivalTrial.WORKER_REPLY_TIMEOUT) and a kill; for exception and outOfMemory (both
 *    caught by the worker's task loop) the worker reports the failure and stays.
 *  - at trial set-up, the survival table's row for this fault (Survival, SurvivalTrial): the same poisoned batch
 *    given to inline, fixedPool, forkJoin, virtual and processes, each in a sacrificial JVM of its own (System.exit
 *    and OutOfMemoryError must not hit the JMH fork), with what was lost, what a retry policy recovered, and
 *    whether the model still works. Written with each crash's detection and answer times to faults/ (FaultLog).
 *
 * Pitfalls avoided: an endless loop is bounded by a timeout and ended by killing its JVM (no thread can be stopped);
 * the worker not given the poison is checked to be the same process after each crash; checksums of every innocent
 * task are compared with the alu kernel's, so "survived" means the work came back right.
 *
 * Expect: exit and stackOverflow kill one worker, detected within ms, replaced after a JVM start; in the thread
 * models exit takes the whole JVM with every task, while an exception, a stack overflow or an OutOfMemoryError
 * fails its task (and an OOM may fail others sharing the heap); an endless loop costs a thread for good.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class FaultIsolationBenchmark implements AutoParams {

    private static final byte ALU = 0;

    @Param({"exception", "stackOverflow", "outOfMemory", "exit", "loop"})
    public String fault;

    private Fault kind;
    private List<Survival.Cell> cells;
    private final List<FaultLog.Recovery> recoveries = new ArrayList<>();
    private WorkerPool pool;
    private long seed = Seeds.FIRST;
    private final long[] checksums = new long[2];

    @Override
    public List<String> values(String param, Profile profile) {
        throw new IllegalArgumentException("no automatic values for @Param " + param);
    }

    /** The smoke and test profiles keep the one fault that decides both claims: System.exit. */
    @Override
    public boolean planned(Map<String, String> params, Profile profile) {
        return profile != Profile.SMOKE && profile != Profile.TEST || "exit".equals(params.get("fault"));
    }

    @Setup(Level.Trial)
    public void setUp() {
        kind = Fault.parse(fault);
        // The table's cells do not change between forks: the first fork of a run measures them, the others only
        // the recovery (their logs have no cells).
        cells = FaultLog.logged(fault) ? List.of() : Survival.of(kind);
        // a small heap, as in the survival trials: an OutOfMemoryError within milliseconds, never gigabytes
        pool = WorkerPool.start(WorkerCommand.faulty(Kernels.memoryFootprintBytes(), fault)
                        .withJvmOptions(Survival.TRIAL_OPTIONS), 2,
                WorkerTimeouts.DEFAULT.withReply(SurvivalTrial.WORKER_REPLY_TIMEOUT));
    }

    @Benchmark
    public long recover() {
        long other = pool.pids().get(1);
        long start = System.nanoTime();
        try {
            pool.run(ALU, SurvivalTrial.WORK_UNITS, new long[] {FaultyKernel.POISON_SEED, seed = Seeds.next(seed)},
                    checksums);
        } catch (WorkerFailedException expected) {
            // the fault, detected: a dead or hung worker is retired and replaced on the next call
        }
        long detected = System.nanoTime();
        // Start the replacements before sending: the pool's reply deadline runs from a send, so a worker sent a task
        // while its sibling's replacement starts could be timed out (the deadline is 1 s here).
        pool.pids();
        long[] next = {seed = Seeds.next(seed), seed = Seeds.next(seed)};
        pool.run(ALU, SurvivalTrial.WORK_UNITS, next, checksums);
        long answered = System.nanoTime();
        if (checksums[0] != new AluKernel().run(next[0], SurvivalTrial.WORK_UNITS)) {
            throw new IllegalStateException(fault + ": the replacement answered a wrong checksum");
        }
        recoveries.add(new FaultLog.Recovery((detected - start) / 1e6, (answered - start) / 1e6,
                pool.pids().get(1) == other));
        return checksums[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
        if (cells != null) {
            FaultLog.write(fault, cells, recoveries);
        }
    }
}
