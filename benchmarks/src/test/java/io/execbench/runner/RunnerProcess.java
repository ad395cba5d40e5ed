package io.execbench.runner;

import io.execbench.child.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the runner in a JVM of its own, as the main job does, for tests that signal, kill or block it. Its
 * temporary folder is the test's: after kill -9 nobody else would delete what it holds, and the test can see what
 * the runner leaves there. No -Djmh.ignoreLock: JMH's lock is in the run's private temporary folder.
 */
final class RunnerProcess {

    private RunnerProcess() {
    }

    /** Starts {@code BenchMain --profile= --include= --results= extraArgs...}; its output goes to child.log. */
    static Process start(Path results, Path tmp, String profile, String include, String... extraArgs)
            throws IOException {
        Files.createDirectories(tmp);
        List<String> options = List.of(JmhExecutor.UNSAFE_ALLOW, JmhExecutor.NATIVE_ACCESS, "-Djava.io.tmpdir=" + tmp);
        List<String> arguments = new ArrayList<>(List.of("--profile=" + profile, "--include=" + include,
                "--results=" + results));
        arguments.addAll(List.of(extraArgs));
        return new ProcessBuilder(ChildJvm.argv(options, BenchMain.class.getName(), arguments))
                .redirectErrorStream(true)
                .redirectOutput(log(results).toFile())
                .start();
    }

    static Path log(Path results) {
        return results.resolve("child.log");
    }
}
