package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.read.LatencyLogReader;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "At a glance" answers on the report fixtures. */
class AnswersTest {

    @Test
    void aRunWithoutExperimentsSaysForEachQuestionWhyItCannotAnswer() {
        List<Answer> answers = Answers.of(Experiments.none());

        assertThat(answers).extracting(Answer::question)
                .containsExactly(Question.MODELS, Question.IPC, Question.CORES, Question.SERVER, Question.PROCESSES);
        assertThat(answers).noneMatch(Answer::answered).allSatisfy(a -> {
            assertThat(a.sketch()).isNull();
            assertThat(a.number()).isNull();
        });
        assertThat(answers).extracting(Answer::unanswered).containsExactly(
                "No execution-model benchmarks in this run.", "No IPC benchmarks in this run.",
                "No thread-scaling benchmark in this run (a throughput benchmark with a threads parameter and a "
                        + "threads=1 point).", "No server data in this run.", "No process start-up benchmarks in this run.");
    }

    @Test
    void theCombinedRunAnswersEveryQuestionWithANumberAndASketch(@TempDir Path dir) throws Exception {
        Path runDir = ReportResources.combinedRun(dir, "combined");
        Experiments experiments = Experiments.of(RunReader.read(runDir), LatencyLogReader.readAll(runDir),
                MachineFacts.read(runDir));
        List<Answer> answers = Answers.of(experiments);

        assertThat(answers).hasSize(5).allSatisfy(a -> {
            assertThat(a.answered()).as(a.question().name()).isTrue();
            assertThat(a.unanswered()).isNull();
            assertThat(a.number()).matches(".*\\d.* \\[.*\\d.*, .*\\d.*\\].*"); // a number with its interval
            assertThat(a.sketch().lines()).isNotEmpty();
        });
        Answer models = answers.getFirst();
        assertThat(models.answer()).startsWith("ModelBench.batch: ").contains(" is fastest at workUnits=1000000");
        assertThat(models.sketch().lines()).extracting(Sketch.Line::name).containsExactly("fixedPool", "virtual");
        assertThat(models.sketch().reference()).isEqualTo(1);
        Answer ipc = answers.get(1);
        assertThat(ipc.answer()).startsWith("IpcBench.roundTrip: ").contains(" per 0 B round trip at the cheapest (");
        assertThat(ipc.sketch().lines()).extracting(Sketch.Line::name).containsExactlyInAnyOrder("threads", "uds",
                "tcp");
        assertThat(answers.get(2).answer()).contains("effective cores of 2 logical CPUs");
        assertThat(answers.get(3).answer()).startsWith("virtual keeps the cheap route's p99 lowest");
        Answer processes = answers.get(4);
        assertThat(processes.answer()).isEqualTo("Cheapest start-ups: a native program 7.221 [4.882, 9.559] ms (exit,"
                + " 99.9%); a JVM to its first byte 253.2 [0, 1286] ms (first byte, 99.9%); a worker JVM to its first"
                + " reply 215.3 [0, 1190] ms (first reply over pipe, 99.9%).");
        assertThat(processes.number()).startsWith("jvm, direct, POSIX_SPAWN: first byte: 253.2 [0, 1286] ms");
        assertThat(processes.sketch().lines()).extracting(Sketch.Line::name).containsExactly("native", "jvm",
                "worker JVM");
        assertThat(processes.sketch().xLabel()).isEqualTo("alu task size (workUnits)");
    }

    @Test
    void aModelsRunWithoutInlineSaysNoSpeedupCanBeComputed() throws Exception {
        Run run = RunReader.read(ReportResources.path("models"));
        ModelExperiment withoutInline = new ModelExperiment(ModelExperiment.of(run.results()).sweeps().stream()
                .map(s -> new ModelExperiment.Sweep(s.benchmark(), s.fixed(), s.models(), s.sizes(), s.cells(),
                        List.of())).toList());

        assertThat(Answers.models(withoutInline)).hasValueSatisfying(a -> assertThat(a.unanswered())
                .isEqualTo("No benchmark measured inline and another model at the same task size, so no speedup "
                        + "can be computed."));
    }
}
