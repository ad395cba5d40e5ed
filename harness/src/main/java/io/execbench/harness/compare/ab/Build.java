package io.execbench.harness.compare.ab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of an A/B comparison: a build of the benchmarks module and the classpath its JMH forks run on.
 *
 * @param label     {@code A} (the baseline ref) or {@code B} (the candidate: the working tree)
 * @param ref       what the user named: a git ref, or {@code working tree}
 * @param commit    the commit it was built from ({@code unknown} outside git); the working tree may be dirty
 * @param classpath the benchmarks' classes first, then their dependencies
 */
public record Build(String label, String ref, String commit, List<Path> classpath) {

    /** The per-iteration machine canary, a JMH profiler the runner adds; builds before it lack the class. */
    static final String CANARY_PROFILER = "io.execbench.runner.IterationCanary";

    public Build {
        classpath = List.copyOf(classpath);
    }

    /** The classpath as the {@code -cp} argument. */
    public String classpathArgument() {
        return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    /** Whether this build has the per-iteration canary (both sides must, or neither runs it). */
    public boolean hasCanary() {
        String file = CANARY_PROFILER.replace('.', '/') + ".class";
        return classpath.stream().anyMatch(entry -> Files.isRegularFile(entry.resolve(file)));
    }
}
