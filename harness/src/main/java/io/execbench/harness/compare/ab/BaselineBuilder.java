package io.execbench.harness.compare.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds the baseline of an A/B comparison: the git ref is resolved to a commit, checked out in a detached git worktree
 * under {@code <root>/target/ab/<commit>/} (the user's working tree is never touched), and its benchmarks module is
 * packaged there with Maven, tests skipped. A worktree that was built before is reused. Failures are one sentence
 * naming the ref and the step, with the tail of the tool's output.
 */
public final class BaselineBuilder {

    /** The classpath file Maven writes in the worktree: the benchmarks' dependencies. */
    static final String CLASSPATH_FILE = "benchmarks/target/ab-classpath.txt";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final long GIT_TIMEOUT_S = 60;
    private static final long MAVEN_TIMEOUT_S = 1800;

    private final Path root;
    private final Path maven;
    private final Consumer<String> progress;

    /**
     * @param root  the project's root (a git checkout)
     * @param maven the {@code mvn} executable to build with
     */
    public BaselineBuilder(Path root, Path maven, Consumer<String> progress) {
        this.root = root;
        this.maven = maven;
        this.progress = progress;
    }

    /** Resolves {@code ref}, builds it (or reuses the build) and returns it as build {@code A}. */
    public Build build(String ref) throws AbException, InterruptedException {
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new AbException("'" + ref + "' is not a git ref");
        }
        String commit = run(List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"), root,
                GIT_TIMEOUT_S, "resolve " + ref).strip();
        if (!COMMIT.matcher(commit).matches()) {
            throw new AbException("git did not resolve '" + ref + "' to a commit");
        }
        Path tree = root.resolve("target").resolve("ab").resolve(commit);
        Path classpathFile = tree.resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(classpathFile)) {
            if (!Files.isDirectory(tree)) {
                progress.accept("baseline " + ref + " (" + commit.substring(0, 7) + "): checking out into " + tree);
                run(List.of("git", "worktree", "add", "--force", "--detach", tree.toString(), commit), root,
                        GIT_TIMEOUT_S, "check out " + ref);
            }
            progress.accept("baseline " + ref + ": building its benchmarks (mvn package, tests skipped)");
            run(List.of(maven.toString(), "-B", "-q", "package", "-DskipTests", "-pl", "benchmarks", "-am",
                    "dependency:build-classpath", "-Dmdep.outputFile=" + tree.resolve(CLASSPATH_FILE)), tree,
                    MAVEN_TIMEOUT_S, "build " + ref);
        }
        return new Build("A", ref, commit, classpath(tree.resolve("benchmarks/target/classes"), classpathFile));
    }

    /** The working tree as build {@code B}: its packaged benchmarks, at HEAD (plus whatever is uncommitted). */
    public Build candidate() throws AbException, InterruptedException {
        Path classes = root.resolve("benchmarks/target/classes");
        Path classpathFile = root.resolve(CLASSPATH_FILE);
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new AbException("the working tree's benchmarks are not built (" + classpathFile + " is missing):"
                    + " run it through 'mvn verify -Pbench -Dbench.against=REF', which builds them first");
        }
        String head;
        boolean dirty;
        try {
            head = run(List.of("git", "rev-parse", "HEAD"), root, GIT_TIMEOUT_S, "read HEAD").strip();
            dirty = !run(List.of("git", "status", "--porcelain", "--untracked-files=no"), root, GIT_TIMEOUT_S,
                    "read the working tree's status").isBlank();
        } catch (AbException notGit) {
            head = "unknown";
            dirty = true;
        }
        return new Build("B", dirty ? "working tree (uncommitted changes)" : "working tree", head,
                classpath(classes, classpathFile));
    }

    /** The benchmarks' classes, then the dependencies listed in {@code classpathFile}. */
    static List<Path> classpath(Path classes, Path classpathFile) throws AbException {
        try {
            String listed = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
            List<Path> entries = new ArrayList<>(List.of(classes));
            Arrays.stream(listed.split(java.io.File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of)
                    .forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new AbException(classpathFile + ": cannot read the classpath (" + e.getMessage() + ")");
        }
    }

    private static String run(List<String> command, Path dir, long timeoutS, String what)
            throws AbException, InterruptedException {
        Path output;
        Process process;
        try {
            output = Files.createTempFile("execbench-ab-", ".log");
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new AbException("cannot " + what + ": " + command.getFirst() + " did not start ("
                    + e.getMessage() + ")");
        }
        try {
            boolean done = process.waitFor(timeoutS, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (!done || process.exitValue() != 0) {
                List<String> lines = text.lines().toList();
                throw new AbException("cannot " + what + (done ? " (exit " + process.exitValue() + ")"
                        : " (no end within " + timeoutS + " s)") + ": "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size())));
            }
            return text;
        } catch (IOException e) {
            throw new AbException("cannot " + what + ": " + e.getMessage());
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a temporary log; nothing depends on it
            }
        }
    }
}
