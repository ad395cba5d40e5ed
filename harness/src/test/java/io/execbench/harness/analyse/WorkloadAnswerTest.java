package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.read.UserWorkloadFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answer for a user's own workload, on a real smoke run of examples/hash-workload (report/workload: the batch
 * results of WorkloadOffloadBenchmark at two calibrated sizes, with JMH's gc profiler, on a busy 2-core machine).
 */
class WorkloadAnswerTest {

    private static Experiments fixture() throws Exception {
        return fixture("workload");
    }

    private static Experiments fixture(String name) throws Exception {
        Path runDir = ReportResources.path(name);
        return Experiments.of(RunReader.read(runDir), LatencyLogReader.readAll(runDir), MachineFacts.read(runDir));
    }

    @Test
    void theWorkloadIsItsOwnExperimentAndAnsweredFirst() throws Exception {
        Experiments experiments = fixture();
        List<Answer> answers = Answers.of(experiments);

        assertThat(experiments.models().isEmpty()).as("kept apart from the built-in kernels' sweeps").isTrue();
        assertThat(experiments.workload().sweeps()).singleElement()
                .satisfies(s -> assertThat(s.sizes()).containsExactly(85222L, 7934681L));
        assertThat(experiments.workloadFacts()).isEqualTo(new UserWorkloadFacts("bytes hashed", 8));
        assertThat(answers).extracting(Answer::question)
                .containsExactly(Question.WORKLOAD, Question.MODELS, Question.IPC, Question.CORES, Question.SERVER,
                        Question.PROCESSES);
    }

    @Test
    void answersInPlainWordsWithEachIntervalAndSaysWhenNothingPays() throws Exception {
        Answer answer = Answers.of(fixture()).getFirst();

        // Three 100 ms iterations of a 200 ms batch: intervals this wide are what smoke measures, and the answer
        // says inline because no interval lies above 1.
        assertThat(answer.answer()).isEqualTo("For your task com.example.hash.BufferHashWorkload at size 7934681 "
                + "(bytes hashed; about 25.35 ms [0 ms, 331.3 ms] per call inline), run it inline (no model is faster "
                + "beyond noise; processes 1.846 [0.01322, 257.7] x); offloading pays at no size measured (up to "
                + "7934681); processes never pay on this machine at the sizes measured (up to 7934681).");
        assertThat(answer.number()).isNull();
        assertThat(answer.sketch().xLabel()).isEqualTo("size (bytes hashed)");
        assertThat(answer.sketch().lines()).extracting(Sketch.Line::name)
                .containsExactly("eventLoop", "fixedPool", "forkJoin", "processes", "virtual");
    }

    @Test
    void advisesTheFastestModelBeyondNoiseAndTheSizeFromWhichOffloadingPays() throws Exception {
        // A quick run of the same example: five sizes, two forks of three 200 ms iterations each.
        Answer answer = Answers.of(fixture("workload-quick")).getFirst();

        assertThat(answer.answer()).isEqualTo("For your task com.example.hash.BufferHashWorkload at size 7724029 "
                + "(bytes hashed; about 18.95 ms [4.143 ms, 33.75 ms] per call inline), use fixedPool (1.958 [1.009, "
                + "3.799] x inline's speed; forkJoin 1.964 [0.9436, 4.089] x is within noise of inline); offloading "
                + "pays from size 792773 (bytes hashed; about 1.698 ms [0.9011 ms, 2.495 ms] per call inline) on "
                + "fixedPool, 1.619 [1.088, 2.411] x; processes never pay on this machine at the sizes measured (up "
                + "to 7724029).");
        assertThat(answer.number()).isEqualTo("fixedPool over inline at size 7724029: 1.958 [1.009, 3.799] x (99.9%)");
    }

    @Test
    void noWorkloadNoCard() {
        assertThat(Answers.of(Experiments.none())).extracting(Answer::question).doesNotContain(Question.WORKLOAD);
    }
}
