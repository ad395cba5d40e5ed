package io.execbench.runner;

import io.execbench.files.QuietFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Asks git which commit the working directory holds, and whether tracked files differ from it, for run.json.
 *
 * <p>Trust nothing git prints unless it succeeded cleanly: exit status 0, nothing on stderr, within the timeout. A
 * checkout owned by another user ("detected dubious ownership"), a folder that is not a repository, a missing git,
 * or a git that hangs (a network file system, a credential prompt) all leave the commit {@code unknown} and add one
 * warning saying why; git's error text never ends up as the commit. A git that outlives the timeout is killed with
 * whatever it started. Output goes to temporary files, not pipes, so that nothing the probe waits on can block.
 */
final class GitProbe {

    /** Long enough for {@code git status} in a large checkout on a slow disk. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}"); // SHA-1 or SHA-256
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private static final int MAX_WARNING_CHARS = 300;

    /** The commit facts, and a warning for each git command that complained. */
    record Outcome(Environment.Git git, List<String> warnings) {
    }

    private final String gitExecutable;
    private final Path workDir;
    private final Duration timeout;

    /**
     * @param gitExecutable {@code git} (looked up on PATH) or a path to one (tests pass a fake)
     * @param workDir       the folder git runs in, whose checkout it describes
     */
    GitProbe(String gitExecutable, Path workDir, Duration timeout) {
        this.gitExecutable = gitExecutable;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    Outcome probe() {
        List<String> warnings = new ArrayList<>();
        Result head = run("rev-parse", "HEAD");
        String commit = head.complaint() == null ? head.stdout().strip() : null;
        if (head.complaint() != null) {
            warnings.add(head.complaint());
        } else if (!COMMIT.matcher(commit).matches()) {
            warnings.add(head.command() + ": printed " + quote(commit) + ", not a commit hash");
            commit = null;
        }
        if (commit == null) {
            return new Outcome(new Environment.Git(Environment.UNKNOWN, Environment.UNKNOWN, false), warnings);
        }
        Result status = run("status", "--porcelain", "--untracked-files=no");
        boolean dirty = true; // a tree that cannot be shown clean is not reported clean
        if (status.complaint() != null) {
            warnings.add(status.complaint() + "; the working tree is recorded as dirty");
        } else {
            dirty = !status.stdout().isBlank();
        }
        return new Outcome(new Environment.Git(commit, commit.substring(0, 7), dirty), warnings);
    }

    /** What one git command printed, or why its output cannot be trusted (null when it can). */
    private record Result(String command, String stdout, String complaint) {
    }

    private Result run(String... args) {
        String command = "git " + String.join(" ", args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("execbench-git-", ".out");
            err = Files.createTempFile("execbench-git-", ".err");
            List<String> argv = new ArrayList<>(List.of(gitExecutable));
            argv.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // A read-only look: no index refresh written back, no lock that could disturb the user's own git.
            builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            Process git = builder.start();
            git.getOutputStream().close();
            if (!git.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                git.descendants().forEach(ProcessHandle::destroyForcibly);
                git.destroyForcibly();
                return new Result(command, "", command + ": no answer within " + timeout.toMillis() + " ms, killed");
            }
            String stdout = head(out);
            String stderr = head(err).strip();
            if (git.exitValue() != 0) {
                return new Result(command, stdout, command + ": exit code " + git.exitValue()
                        + (stderr.isEmpty() ? "" : ": " + quote(stderr)));
            }
            if (!stderr.isEmpty()) {
                return new Result(command, stdout, command + ": complained on stderr: " + quote(stderr));
            }
            return new Result(command, stdout, null);
        } catch (IOException e) {
            return new Result(command, "", command + ": cannot run " + gitExecutable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, "", command + ": interrupted");
        } finally {
            QuietFiles.deleteQuietly(out); // a leftover empty temporary file is harmless
            QuietFiles.deleteQuietly(err);
        }
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** Git's text, single-line and short, with control characters escaped: it goes to run.json and the console. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        text.codePoints().limit(MAX_WARNING_CHARS).forEach(c -> {
            if (c == '\n') {
                quoted.append(" | ");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_WARNING_CHARS) {
            quoted.append("...");
        }
        return quoted.append('\'').toString();
    }
}
