package io.execbench.harness.read;

import java.nio.file.Path;
import java.util.List;

/**
 * One fork's fault isolation log, {@code faults/<fault>-<pid>.json} (written by the benchmarks' {@code process/FaultLog},
 * read by {@link FaultLogReader}): the survival table's cells for one fault, and each crash of a worker with the time
 * to its detection and to a replacement's first answer.
 *
 * @param file       where it was read from, for messages
 * @param fault      the fault, e.g. {@code exit}
 * @param cells      one per execution model
 * @param recoveries one per crash of a pooled worker
 */
public record FaultLog(Path file, String fault, List<Cell> cells, List<Recovery> recoveries) {

    public FaultLog {
        cells = List.copyOf(cells);
        recoveries = List.copyOf(recoveries);
    }

    /**
     * One model's fate under the fault.
     *
     * @param jvmSurvived         whether the JVM that ran the model lived through it
     * @param exitStatus          that JVM's exit status when it did not, else null
     * @param firstBatch          how the batch holding the faulty task ended
     * @param innocentTasks       the batch's other tasks
     * @param lost                innocent tasks that got no checksum
     * @param lostAfterRetry      innocent tasks still without one after the retry policy
     * @param poison              what became of the faulty task
     * @param usable              whether a clean batch afterwards came back right
     * @param otherWorkerSurvived processes: whether the worker not given the fault kept running; else null
     */
    public record Cell(String model, boolean jvmSurvived, Integer exitStatus, String firstBatch, int innocentTasks,
                       int lost, int lostAfterRetry, String poison, boolean usable, Boolean otherWorkerSurvived) {
    }

    /** A crash of a pooled worker: ms from the faulty task sent to the failure seen, and to a replacement's answer. */
    public record Recovery(double detectionMs, double answerMs, boolean otherWorkerSurvived) {
    }
}
