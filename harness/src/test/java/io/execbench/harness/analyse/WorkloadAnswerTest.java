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
        Path runDir = ReportResources.path("workload");
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
                .containsExactly(Question.WORKLOAD, Question.MODELS, Question.IPC, Question.CORES);
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
    void noWorkloadNoCard() {
        assertThat(Answers.of(Experiments.none())).extracting(Answer::question).doesNotContain(Question.WORKLOAD);
    }
}
