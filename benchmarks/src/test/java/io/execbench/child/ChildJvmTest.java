package io.execbench.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void commandRunsThisJdksJavaOnThisClassPathAndNamesTheParent() {
        List<String> argv = ChildJvm.argv(List.of("-Xmx64m"), "some.Main", List.of("a", "b"));

        assertThat(argv.getFirst()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(argv).containsSubsequence("-D" + ChildJvm.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "some.Main", "a", "b");
    }

    @Test
    void stopEndsAChildThatLeavesAtTheEndOfItsLifeline() throws Exception {
        Process cat = ChildJvm.start(new ProcessBuilder("cat").redirectOutput(ProcessBuilder.Redirect.DISCARD));

        assertThat(ChildJvm.stop(cat, cat.getOutputStream(), 10_000)).as("left by itself").isTrue();
        assertThat(cat.isAlive()).isFalse();
    }

    @Test
    void stopKillsAChildThatIgnoresItsLifeline() throws Exception {
        Process sleeper = ChildJvm.start(new ProcessBuilder("sleep", "60"));

        assertThat(ChildJvm.stop(sleeper, sleeper.getOutputStream(), 100)).as("left by itself").isFalse();
        assertThat(sleeper.isAlive()).isFalse();
    }
}
