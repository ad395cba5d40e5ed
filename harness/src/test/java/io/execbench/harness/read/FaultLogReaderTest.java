package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** faults/*.json as untrusted input: read exactly when well formed, one sentence naming the file when not. */
class FaultLogReaderTest {

    static final String VALID = """
            {"schemaVersion": 1, "fault": "exit",
             "cells": [{"model": "inline", "fault": "exit", "jvmSurvived": false, "exitStatus": 42,
                        "firstBatch": "the JVM died", "innocentTasks": 7, "lost": 7, "lostAfterRetry": 7,
                        "poison": "lost with the JVM", "usable": false, "otherWorkerSurvived": null},
                       {"model": "processes", "fault": "exit", "jvmSurvived": true, "exitStatus": null,
                        "firstBatch": "failed: end of stream", "innocentTasks": 7, "lost": 3, "lostAfterRetry": 0,
                        "poison": "reported failed after 3 attempts", "usable": true, "otherWorkerSurvived": true}],
             "recoveries": [{"detectionMs": 12.5, "answerMs": 310.25, "otherWorkerSurvived": true}]}
            """;

    @TempDir
    Path run;

    private Path write(String name, String content) throws Exception {
        Path faults = Files.createDirectories(run.resolve("faults"));
        return Files.writeString(faults.resolve(name), content);
    }

    @Test
    void readsEveryCellAndCrashExactly() throws Exception {
        write("exit-100.json", VALID);

        FaultLog log = FaultLogReader.readAll(run).getFirst();

        assertThat(log.fault()).isEqualTo("exit");
        assertThat(log.cells()).containsExactly(
                new FaultLog.Cell("inline", false, 42, "the JVM died", 7, 7, 7, "lost with the JVM", false, null),
                new FaultLog.Cell("processes", true, null, "failed: end of stream", 7, 3, 0,
                        "reported failed after 3 attempts", true, true));
        assertThat(log.recoveries()).containsExactly(new FaultLog.Recovery(12.5, 310.25, true));
    }

    @Test
    void aRunWithoutFaultLogsHasNone() throws Exception {
        assertThat(FaultLogReader.readAll(run)).isEmpty();
    }

    @Test
    void eachMalformedLogIsOneSentenceNamingTheFileAndTheField() throws Exception {
        String[][] cases = {
                {"{not json", "exit-1.json"},
                {VALID.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"), "schemaVersion must be 1"},
                {VALID.replace("\"lost\": 3", "\"lost\": -3"), "cells[1].lost must be a whole number from 0"},
                {VALID.replace("\"fault\": \"exit\",\n", "\"fault\": \"<script>\",\n"), "fault must be a name"},
                {VALID.replace("\"detectionMs\": 12.5", "\"detectionMs\": \"soon\""),
                        "recoveries[0].detectionMs must be a number of milliseconds"},
                {VALID.replace("\"usable\": true", "\"usable\": 1"), "cells[1].usable must be true or false"},
                {"[]", "expected a JSON object"},
        };
        for (String[] c : cases) {
            Path file = write("exit-1.json", c[0]);
            assertThatThrownBy(() -> FaultLogReader.readAll(run)).as(c[1])
                    .isInstanceOf(RunReadException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void aLinkInPlaceOfALogIsRefused() throws Exception {
        Path target = Files.writeString(run.resolve("elsewhere.json"), VALID);
        Path faults = Files.createDirectories(run.resolve("faults"));
        Files.createSymbolicLink(faults.resolve("exit-2.json"), target);

        assertThatThrownBy(() -> FaultLogReader.readAll(run)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("exit-2.json").hasMessageContaining("symbolic link");
    }
}
