package io.execbench.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.execbench.child.ChildJvm;
import io.execbench.cpu.ExecutionModels;
import io.execbench.workload.Fault;
import io.execbench.worker.WorkerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The survival table's cells for one fault: each model's {@link SurvivalTrial} in a sacrificial JVM of its own, two
 * at a time. A trial JVM that ended without its result line was taken down by the fault: its exit status says how.
 */
public final class Survival {

    /** The models whose fate is compared, in report order. */
    public static final List<String> MODELS = List.of(ExecutionModels.INLINE, ExecutionModels.FIXED_POOL,
            ExecutionModels.FORK_JOIN, ExecutionModels.VIRTUAL, ExecutionModels.PROCESSES);
    /** A small heap: an OutOfMemoryError within milliseconds, and a small footprint for the workers too. */
    static final List<String> TRIAL_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");
    private static final long TRIAL_WAIT_S = 90;
    private static final int OUTPUT_LIMIT_BYTES = 64 * 1024;

    /**
     * One model's fate under one fault.
     *
     * @param jvmSurvived         whether the JVM that ran the model lived through the fault
     * @param exitStatus          the trial JVM's exit status when it did not, else null
     * @param firstBatch          how the batch with the poison ended: completed, failed: ..., timed out ...
     * @param innocentTasks       the other tasks of that batch
     * @param lost                innocent tasks that got no checksum (all of them when the JVM died)
     * @param lostAfterRetry      innocent tasks still without one after the retry policy
     * @param poison              what became of the faulty task under the retry policy
     * @param usable              whether a clean batch afterwards completed with the right checksums
     * @param otherWorkerSurvived processes only: the worker not given the poison kept its pid; else null
     */
    public record Cell(String model, String fault, boolean jvmSurvived, Integer exitStatus, String firstBatch,
                       int innocentTasks, int lost, int lostAfterRetry, String poison, boolean usable,
                       Boolean otherWorkerSurvived) {
    }

    private Survival() {
    }

    /** Every model's cell for {@code fault}. */
    public static List<Cell> of(Fault fault) {
        ExecutorService two = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
                .name("execbench-survival-", 0).factory());
        try {
            List<Future<Cell>> cells = new ArrayList<>();
            for (String model : MODELS) {
                cells.add(two.submit(() -> trial(model, fault)));
            }
            List<Cell> out = new ArrayList<>();
            for (Future<Cell> cell : cells) {
                out.add(cell.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("survival trial of " + fault.label() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the survival trials of " + fault.label(), e);
        } finally {
            two.shutdownNow();
        }
    }

    static Cell trial(String model, Fault fault) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(WorkerCommand.QUIET_STDOUT);
        options.addAll(TRIAL_OPTIONS);
        Process child = ChildJvm.start(new ProcessBuilder(ChildJvm.argv(options, SurvivalTrial.class.getName(),
                List.of(model, fault.label()))).redirectError(ProcessBuilder.Redirect.DISCARD));
        try {
            byte[] output = child.getInputStream().readNBytes(OUTPUT_LIMIT_BYTES);
            if (!child.waitFor(TRIAL_WAIT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException(model + "/" + fault.label() + ": the trial JVM did not end within "
                        + TRIAL_WAIT_S + " s");
            }
            String line = new String(output, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{"))
                    .reduce((a, b) -> b).orElse(null);
            if (line == null) {
                // taken down with everything it ran: every innocent task lost, nothing left to retry on
                return new Cell(model, fault.label(), false, child.exitValue(), "the JVM died",
                        SurvivalTrial.TASKS - 1, SurvivalTrial.TASKS - 1, SurvivalTrial.TASKS - 1, "lost with the JVM",
                        false, null);
            }
            JsonNode cell = new ObjectMapper().readTree(line);
            return new Cell(model, fault.label(), true, null, cell.path("firstBatch").asText(),
                    cell.path("innocentTasks").asInt(), cell.path("lost").asInt(), cell.path("lostAfterRetry").asInt(),
                    cell.path("poison").asText(), cell.path("usable").asBoolean(),
                    cell.has("otherWorkerSurvived") ? cell.get("otherWorkerSurvived").asBoolean() : null);
        } finally {
            child.destroyForcibly();
            child.getInputStream().close();
            child.getOutputStream().close();
        }
    }
}
