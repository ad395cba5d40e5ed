package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.workload.Calibration;
import io.execbench.workload.UserWorkload;
import io.execbench.workload.WorkloadException;
import io.execbench.workload.WorkloadFixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of a user's workload, one real compiled class per way it can be wrong: each gives one sentence that names
 * the class and what to fix, never a stack trace.
 */
class WorkloadCheckTest {

    @TempDir
    Path dir;

    private final WorkloadCheck check = new WorkloadCheck(Duration.ofSeconds(30), Duration.ofSeconds(2));

    private Path compile(String name, String declaration) {
        return WorkloadFixtures.compile(dir.resolve("classes"), name, declaration);
    }

    private WorkloadException failure(String className, Path classes) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> check.check(UserWorkload.of(className, classes.toString())));
        assertThat(thrown).isInstanceOf(WorkloadException.class);
        assertThat(thrown.getMessage()).contains(className).doesNotContain("\n").doesNotContain("\tat ")
                .endsWith(thrown.getMessage().strip());
        return (WorkloadException) thrown;
    }

    @Test
    void calibratesAGoodWorkloadBySizesThatDouble() {
        Path classes = compile("Sum", """
                public class Sum implements Workload {
                    public long run(long seed, int size) {
                        long x = seed;
                        for (int i = 0; i < size; i++) { x = x * 6364136223846793005L + i; }
                        return x;
                    }
                    public String sizeUnit() { return "steps"; }
                    public int maxSize() { return 1 << 16; }
                }
                """);

        Calibration calibration = check.check(UserWorkload.of("fixtures.Sum", classes.toString()));

        assertThat(calibration.sizeUnit()).isEqualTo("steps");
        assertThat(calibration.timings()).extracting(Calibration.Timing::size).startsWith(1, 2, 4, 8)
                .endsWith(1 << 16); // a few ns a step never reaches 15 ms within maxSize
        assertThat(calibration.timings()).allMatch(t -> t.nanos() > 0);
    }

    @Test
    void aMissingClassSaysWhereItWasLookedFor() {
        Path classes = compile("Sum", "public class Sum implements Workload { public long run(long s, int n) "
                + "{ return s; } }");

        assertThat(failure("fixtures.Missing", classes).getMessage())
                .isEqualTo("workload class fixtures.Missing was not found in " + classes + ": check the class name "
                        + "(with its package) and -Dbench.workloadPath (a classes folder must be the root of the "
                        + "packages, e.g. target/classes)");
    }

    @Test
    void aMissingPathIsNamed() {
        assertThatThrownBy(() -> UserWorkload.of("fixtures.Sum", dir.resolve("nowhere").toString()))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("workload fixtures.Sum: its path " + dir.resolve("nowhere") + " does not exist; pass "
                        + "-Dbench.workloadPath=<the jar or classes folder that holds it>");
    }

    @Test
    void noPublicNoArgumentConstructorSaysAddOne() {
        Path classes = compile("NeedsArgs", """
                public class NeedsArgs implements Workload {
                    public NeedsArgs(int size) { }
                    public long run(long seed, int size) { return seed; }
                }
                """);

        assertThat(failure("fixtures.NeedsArgs", classes).getMessage()).isEqualTo("workload fixtures.NeedsArgs has no "
                + "public no-argument constructor: add one (execbench creates the workload with it, in every JVM "
                + "that runs it)");
    }

    @Test
    void aRunThatThrowsIsQuotedWithTheSize() {
        Path classes = compile("Throws", """
                public class Throws implements Workload {
                    public long run(long seed, int size) { throw new IllegalStateException("no input file"); }
                }
                """);

        assertThat(failure("fixtures.Throws", classes).getMessage()).isEqualTo("workload fixtures.Throws.run(seed, 1) "
                + "threw java.lang.IllegalStateException: no input file: fix run() so that it returns a checksum for "
                + "every size from 1 to maxSize()");
    }

    @Test
    void differentChecksumsForOneSeedAreShownSideBySide() {
        Path classes = compile("Clock", """
                public class Clock implements Workload {
                    public long run(long seed, int size) { return seed ^ System.nanoTime(); }
                }
                """);

        assertThat(failure("fixtures.Clock", classes).getMessage())
                .startsWith("workload fixtures.Clock.run(seed " + io.execbench.workload.Seeds.FIRST + ", size 1) "
                        + "returned ")
                .endsWith(": make the checksum depend only on seed and size (no clock, random numbers or state kept "
                        + "between calls)");
    }

    @Test
    void aCallThatNeverReturnsIsStoppedAtTheCap() {
        Path classes = compile("Spins", """
                public class Spins implements Workload {
                    public long run(long seed, int size) { while (seed != 0 || size > 0) { Thread.onSpinWait(); } return 0; }
                }
                """);
        long started = System.nanoTime();

        assertThat(failure("fixtures.Spins", classes).getMessage()).isEqualTo("workload fixtures.Spins.run(seed, 1) "
                + "did not return within 2 s: make every call return (a call of size 1 should take well under a "
                + "second), or lower maxSize()");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }
}
