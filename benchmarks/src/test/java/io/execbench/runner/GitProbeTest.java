package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.child.ProcessTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit in run.json comes from a git that succeeded cleanly, or is {@code unknown} with a warning. */
class GitProbeTest {

    @TempDir
    Path dir;

    private GitProbe.Outcome probe(String git, Duration timeout) {
        return new GitProbe(git, dir, timeout).probe();
    }

    /** A stand-in for git: a shell script, its stdout, stderr and exit code chosen by the test. */
    private String fakeGit(String body) throws IOException {
        Path script = dir.resolve("fake-git");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private static void assertUnknown(GitProbe.Outcome outcome) {
        assertThat(outcome.git()).isEqualTo(new Environment.Git("unknown", "unknown", false));
    }

    @Test
    void aFolderThatIsNoRepositoryGivesAnUnknownCommitAndAWarning() throws Exception {
        Path notARepo = Files.createDirectory(dir.resolve("plain"));
        // The test's folder is under the system temporary folder: outside any checkout.
        GitProbe.Outcome outcome = new GitProbe("git", notARepo, GitProbe.TIMEOUT).probe();

        assertUnknown(outcome);
        assertThat(outcome.warnings()).singleElement().asString()
                .startsWith("git rev-parse HEAD: exit code 128: 'fatal: not a git repository");
    }

    @Test
    void gitsComplaintIsAWarningNeverTheCommit() throws Exception {
        GitProbe.Outcome outcome = probe(fakeGit("""
                echo "fatal: detected dubious ownership in repository at '/work/x'" >&2
                exit 128"""), GitProbe.TIMEOUT);

        assertUnknown(outcome);
        assertThat(outcome.warnings()).containsExactly(
                "git rev-parse HEAD: exit code 128: 'fatal: detected dubious ownership in repository at '/work/x''");
    }

    @Test
    void aHashPrintedBesideAComplaintIsNotTrusted() throws Exception {
        GitProbe.Outcome outcome = probe(fakeGit("""
                echo 0123456789abcdef0123456789abcdef01234567
                echo "warning: refname 'HEAD' is ambiguous." >&2"""), GitProbe.TIMEOUT);

        assertUnknown(outcome);
        assertThat(outcome.warnings()).containsExactly(
                "git rev-parse HEAD: complained on stderr: 'warning: refname 'HEAD' is ambiguous.'");
    }

    @Test
    void textThatIsNoHashIsNotACommitAndControlCharactersAreEscaped() throws Exception {
        GitProbe.Outcome outcome = probe(fakeGit("printf 'fatal: \\033[31mno\\n'"), GitProbe.TIMEOUT);

        assertUnknown(outcome);
        assertThat(outcome.warnings()).containsExactly(
                "git rev-parse HEAD: printed 'fatal: \\u001b[31mno', not a commit hash");
    }

    @Test
    void aGitThatHangsIsKilledWithWhatItStartedAtTheTimeout() throws Exception {
        Path pids = dir.resolve("pids");
        GitProbe.Outcome outcome = probe(fakeGit("sleep 600 &\necho $$ $! > " + pids + "\nwait"),
                Duration.ofMillis(500));

        assertUnknown(outcome);
        assertThat(outcome.warnings()).containsExactly("git rev-parse HEAD: no answer within 500 ms, killed");
        List<ProcessHandle> started = List.of(Files.readString(pids).strip().split(" ")).stream()
                .map(Long::valueOf).flatMap(pid -> ProcessHandle.of(pid).stream()).toList();
        assertThat(ProcessTree.awaitEnd(started, Duration.ofSeconds(30))).as("the fake git and its sleep").isTrue();
    }

    @Test
    void aRealCheckoutGivesItsCommitAndWhetherTrackedFilesChanged() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve("tracked.txt"), "one\n");
        git("add", "tracked.txt");
        git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "first");
        String head = git("rev-parse", "HEAD").strip();

        GitProbe.Outcome clean = probe("git", GitProbe.TIMEOUT);
        assertThat(clean.warnings()).isEmpty();
        assertThat(clean.git()).isEqualTo(new Environment.Git(head, head.substring(0, 7), false));

        Files.writeString(dir.resolve("tracked.txt"), "two\n");
        assertThat(probe("git", GitProbe.TIMEOUT).git().dirty()).isTrue();
    }

    private String git(String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        Process git = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as(output).isZero();
        return output;
    }
}
