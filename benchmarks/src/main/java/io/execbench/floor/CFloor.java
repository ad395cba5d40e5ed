package io.execbench.floor;

import io.execbench.runner.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the C floor ({@code ipc_pingpong.c}) for every transport, payload size and placement the IPC round-trip
 * suite measures in this run, a few runs each, and keeps what each run printed: round trips kept, p50, p99 and
 * mean in nanoseconds. A point whose program fails keeps its error and the others go on.
 *
 * <p>Budget per profile: smoke 5 runs of at most 30 ms each, quick 5 x 100 ms, full 10 x 200 ms (test 2 x 10 ms);
 * 1,000,000 round trips at most per run (64-byte shared-memory round trips are about 0.3 us). Several runs, each a
 * new pair of processes, give the spread between runs that the report's Java/C interval needs.
 */
public final class CFloor {

    /** The four transports with a C counterpart (the Java suite's {@code threads} has none). */
    public static final List<String> TRANSPORTS = List.of("pipe", "uds", "tcp", "shm");
    private static final long MAX_ROUND_TRIPS = 1_000_000;
    private static final long GRACE_SECONDS = 60;

    /** What the IPC suite measures at one point: transport, payload and where its two ends run. */
    public record Point(String transport, long payloadBytes, String placement, int callerCpu, int peerCpu) {
    }

    /** One run of the program: round trips kept (after 10% warm-up), p50, p99 and mean in nanoseconds. */
    public record Run(long roundTrips, long p50Ns, long p99Ns, long meanNs) {
    }

    /** A point with its runs, or the error that stopped it (runs before the error are kept). */
    public record Measured(String transport, long payloadBytes, String placement, int callerCpu, int peerCpu,
                           List<Run> runs, String error) {
    }

    /** {@code floor.json}: the compiler used, or why there is no floor, and the points measured. */
    public record File(int schemaVersion, String compiler, String unavailable, String source, int runsPerPoint,
                       int maxMillisPerRun, List<Measured> points) {
        public static final int SCHEMA_VERSION = 1;

        /** The file for a run that could not measure a floor, with the one sentence saying why. */
        public static File unavailable(String reason) {
            return new File(SCHEMA_VERSION, null, reason, CCompiler.SOURCE, 0, 0, List.of());
        }
    }

    /** Runs per point and the time cap of each run. */
    public record Budget(int runs, int maxMillis) {
        public static Budget of(Profile profile) {
            return switch (profile) {
                case TEST -> new Budget(2, 10);
                case SMOKE -> new Budget(5, 30);
                case QUICK -> new Budget(5, 100);
                case FULL -> new Budget(10, 200);
            };
        }

        /** A generous upper bound on the time the whole floor takes for {@code points}, for the progress line. */
        public double estimateSeconds(int points) {
            return points * runs * (maxMillis + 30) / 1000.0;
        }
    }

    private CFloor() {
    }

    /**
     * Compiles the program in {@code workDir} (the run's private temporary folder) and measures every point;
     * {@code progress} receives one line before and one after. Never throws for what the machine lacks or refuses:
     * the file says it.
     */
    public static File measure(Path workDir, List<Point> points, Budget budget, Consumer<String> progress) {
        return measure(workDir, points, budget, progress, System.getenv("PATH"));
    }

    /** As above, with the compiler looked up on {@code path} (the PATH variable's value). */
    static File measure(Path workDir, List<Point> points, Budget budget, Consumer<String> progress, String path) {
        CCompiler.Build build = CCompiler.build(workDir, path);
        if (!build.ok()) {
            progress.accept("C floor: " + build.problem() + "; the IPC suite runs without its C floor");
            return File.unavailable(build.problem());
        }
        progress.accept(String.format(Locale.ROOT, "C floor: %s; %d points x %d runs (at most %.0f s)",
                build.compiler(), points.size(), budget.runs(), budget.estimateSeconds(points.size())));
        List<Measured> measured = new ArrayList<>();
        long started = System.nanoTime();
        int failed = 0;
        for (Point point : points) {
            Measured one = measure(build.binary(), point, budget);
            measured.add(one);
            if (one.error() != null) {
                failed++;
                progress.accept("C floor: " + point.transport() + " " + point.payloadBytes() + " B: " + one.error());
            }
        }
        progress.accept(String.format(Locale.ROOT, "C floor: %d points measured in %.1f s%s", points.size() - failed,
                (System.nanoTime() - started) / 1e9, failed == 0 ? "" : ", " + failed + " failed"));
        return new File(File.SCHEMA_VERSION, build.compiler(), null, CCompiler.SOURCE, budget.runs(),
                budget.maxMillis(), List.copyOf(measured));
    }

    static Measured measure(Path binary, Point point, Budget budget) {
        List<Run> runs = new ArrayList<>();
        String error = null;
        for (int i = 0; i < budget.runs() && error == null; i++) {
            try {
                runs.add(runOnce(binary, point, budget.maxMillis()));
            } catch (IOException e) {
                error = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        return new Measured(point.transport(), point.payloadBytes(), point.placement(), point.callerCpu(),
                point.peerCpu(), List.copyOf(runs), error);
    }

    private static Run runOnce(Path binary, Point point, int maxMillis) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), point.transport(), Long.toString(point.payloadBytes()),
                Long.toString(MAX_ROUND_TRIPS), Integer.toString(maxMillis), Integer.toString(point.callerCpu()),
                Integer.toString(point.peerCpu()))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        } finally {
            if (!process.waitFor(maxMillis / 1000 + GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + ": "
                    + output.lines().findFirst().orElse("no output"));
        }
        return parse(output);
    }

    /** Reads the program's line {@code floor MECH BYTES N P50_NS P99_NS MEAN_NS}. */
    static Run parse(String output) throws IOException {
        String[] fields = output.strip().split("\\s+");
        if (fields.length != 7 || !fields[0].equals("floor")) {
            throw new IOException("unexpected output: " + output.lines().findFirst().orElse(""));
        }
        try {
            return new Run(Long.parseLong(fields[3]), Long.parseLong(fields[4]), Long.parseLong(fields[5]),
                    Long.parseLong(fields[6]));
        } catch (NumberFormatException e) {
            throw new IOException("unexpected output: " + output);
        }
    }
}
