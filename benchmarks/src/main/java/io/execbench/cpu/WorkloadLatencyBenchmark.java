package io.execbench.cpu;

import io.execbench.runner.Profile;
import io.execbench.workload.WorkloadKernel;
import java.util.Map;
import java.util.Set;
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

/*
 * Question: what does handing one call of the user's own task to another thread or process add to its latency?
 *
 * Measures: TaskLatencyBenchmark with the user's workload at its smallest calibrated size (about 1 us per call where
 * the task allows): one call at a time, inline, on an event loop, a fixed pool, a virtual thread and a worker JVM.
 * SampleTime, so the report draws the HDR distribution; inline is the baseline.
 *
 * Pitfalls avoided: as TaskLatencyBenchmark (models started per trial, a verified call first, a new seed per call, the
 * last call recomputed inline after each iteration, outside the timed region).
 *
 * Expect: a few to ~20 us added by a thread hand-off and a pipe round trip (~10-30 us) for processes, whatever the
 * task; at the smallest size that is most of the call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkloadLatencyBenchmark extends WorkloadSizes {

    private static final WorkloadLatencyBenchmark PARAMS = new WorkloadLatencyBenchmark();
    /** The project's own tests' profile: inline (the baseline) and worker processes (the workload loads there). */
    private static final Set<String> TEST_MODELS = Set.of(ExecutionModels.INLINE, ExecutionModels.PROCESSES);

    @Override
    public boolean planned(Map<String, String> params, Profile profile) {
        return active() && params.get("workUnits").equals(sizes().getFirst())
                && (profile != Profile.TEST || TEST_MODELS.contains(params.get("model")));
    }

    /** One call at a time. */
    @State(Scope.Thread)
    public static class Single extends ModelTasks {
        @Param({"inline", "eventLoop", "fixedPool", "virtual", "processes"})
        public String model;

        @Param("auto")
        public String workload;

        @Param("auto")
        public String workUnits;

        @Setup(Level.Trial)
        public void setUp() {
            int size = Integer.parseInt(PARAMS.resolve("workUnits", workUnits));
            open(model, WorkloadKernel.NAME, size, CORES, 1);
        }
    }

    @Benchmark
    public long task(Single tasks) {
        // One call there and back: with inline's latency subtracted, the hand-off's price.
        return tasks.runBatch()[0];
    }
}
