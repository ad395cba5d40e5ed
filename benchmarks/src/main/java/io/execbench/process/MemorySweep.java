package io.execbench.process;

import io.execbench.child.ChildJvm;
import io.execbench.runner.Profile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Memory against the number of parked units of one kind: for each count, {@link ParkedUnits} JVMs holding that many
 * units, and their resident (RSS) and proportional (PSS) memory read from {@code /proc/<pid>/smaps_rollup} by this JVM
 * once every unit is parked.
 *
 * <ul>
 *   <li>Threads: each count in a fresh JVM of its own, stopped before the next, so that the points are independent
 *       and nothing one step allocated is counted in another.</li>
 *   <li>JVMs: count {@code k} is {@code k} JVMs at once (started one more per step), their figures summed; PSS shares
 *       each page among the processes mapping it, so that the sum is what they occupy together.</li>
 * </ul>
 * Before each step the machine's limits are read again ({@link MachineLimits#refusal}) against what the step is
 * predicted to need, from the steps measured so far (or a generous guess for the first): a step that would come close
 * to a limit is not taken, and the sweep ends there with the reason. Every JVM it started is stopped on return.
 */
public final class MemorySweep {

    /** The one blocking call every unit is parked in. */
    public static final String BLOCKING_CALL = "CountDownLatch.await()";
    /** Options of every measured JVM: a heap ceiling that a million parked virtual threads fit under. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx3g");
    static final long PARK_TIMEOUT_MS = 120_000;
    private static final long STOP_GRACE_MS = 5_000;
    /** First-step guesses: generous, so that the first step of a sweep cannot be the one that harms the machine. */
    private static final long GUESS_FIXED_BYTES = 128L << 20;
    private static final long GUESS_FIXED_THREADS = 64;
    private static final long GUESS_FIXED_MAPPINGS = 1_000;

    /**
     * One measured count: the summed figures of the JVMs holding {@code count} units; {@code startMs}, the wall time
     * from starting the last JVM until all of its units were parked (its start, their creation, a full GC).
     */
    public record Step(int count, long rssBytes, long pssBytes, long threads, long mappings, int processes,
                       long memAvailableBytes, double startMs) {
    }

    /** The counts measured, and where the sweep stopped short (null when it did not). */
    public record Result(UnitKind unit, MachineLimits limits, List<Step> steps, Stop stoppedAt) {
    }

    /** The count not measured and why. */
    public record Stop(int count, String reason) {
    }

    private MemorySweep() {
    }

    /** The counts a profile sweeps: the ranges under full, fewer and smaller ones under the others. */
    public static List<Integer> counts(UnitKind unit, Profile profile) {
        return switch (unit) {
            case PLATFORM -> switch (profile) {
                case TEST -> List.of(1, 10, 50);
                case SMOKE -> List.of(1, 100, 300, 500);
                case QUICK -> List.of(1, 100, 500, 1000, 2000);
                case FULL -> List.of(1, 10, 100, 250, 500, 1000, 1500, 2000);
            };
            case VIRTUAL -> switch (profile) {
                case TEST -> List.of(1, 100, 1000);
                case SMOKE -> List.of(1, 1000, 3000, 10_000);
                case QUICK -> List.of(1, 1000, 10_000, 100_000, 300_000);
                case FULL -> List.of(1, 10, 100, 1000, 10_000, 100_000, 300_000, 1_000_000);
            };
            case JVM -> switch (profile) {
                case TEST -> List.of(1, 2);
                case SMOKE -> List.of(1, 2, 3);
                case QUICK -> List.of(1, 2, 3, 4);
                case FULL -> List.of(1, 2, 3, 4, 5, 6, 7, 8);
            };
        };
    }

    /** Measures {@code counts} (ascending) of {@code unit}. */
    public static Result run(UnitKind unit, List<Integer> counts) {
        MachineLimits first = MachineLimits.read();
        List<Step> steps = new ArrayList<>();
        List<Parked> jvms = new ArrayList<>();
        try {
            for (int count : counts) {
                MachineLimits limits = MachineLimits.read();
                Prediction need = predict(unit, count, steps);
                // Thread kinds stopped the last step's JVM; JVMs are kept, so only the added ones need room.
                Step kept = unit == UnitKind.JVM && !steps.isEmpty() ? steps.getLast() : null;
                Optional<String> refusal = limits.refusal(need.threads - (kept == null ? 0 : kept.threads()),
                        need.mappings, need.bytes - (kept == null ? 0 : kept.rssBytes()));
                if (refusal.isPresent()) {
                    return new Result(unit, first, steps, new Stop(count, refusal.get()));
                }
                double startMs = 0;
                if (unit == UnitKind.JVM) {
                    while (jvms.size() < count) {
                        Parked jvm = Parked.start(UnitKind.JVM, 0);
                        jvms.add(jvm);
                        startMs = jvm.startMs;
                    }
                } else {
                    Parked child = Parked.start(unit, count);
                    jvms.add(child);
                    startMs = child.startMs;
                }
                ProcFootprint sum = ProcFootprint.NONE;
                for (Parked jvm : jvms) {
                    sum = sum.plus(ProcFootprint.of(jvm.process.pid()));
                }
                steps.add(new Step(count, sum.rssBytes(), sum.pssBytes(), sum.threads(), sum.mappings(), jvms.size(),
                        limits.memAvailableBytes() == null ? -1 : limits.memAvailableBytes(), startMs));
                if (unit != UnitKind.JVM) {
                    jvms.removeLast().stop();
                }
            }
            return new Result(unit, first, steps, null);
        } finally {
            jvms.forEach(Parked::stop);
        }
    }

    private record Prediction(long threads, long mappings, long bytes) {
    }

    /**
     * What {@code count} units will need: extrapolated from the line through the first and last steps measured, with
     * half again for safety; before two steps, generous guesses per kind.
     */
    private static Prediction predict(UnitKind unit, int count, List<Step> steps) {
        if (steps.size() >= 2) {
            Step a = steps.getFirst();
            Step b = steps.getLast();
            return new Prediction(extrapolate(a.count(), a.threads(), b.count(), b.threads(), count),
                    extrapolate(a.count(), a.mappings(), b.count(), b.mappings(), count) / (unit == UnitKind.JVM
                            ? Math.max(1, count) : 1),
                    extrapolate(a.count(), a.rssBytes(), b.count(), b.rssBytes(), count));
        }
        return switch (unit) {
            case PLATFORM -> new Prediction(GUESS_FIXED_THREADS + count, GUESS_FIXED_MAPPINGS + 3L * count,
                    GUESS_FIXED_BYTES + (256L << 10) * count);
            case VIRTUAL -> new Prediction(GUESS_FIXED_THREADS, GUESS_FIXED_MAPPINGS,
                    GUESS_FIXED_BYTES + (8L << 10) * count);
            case JVM -> new Prediction(GUESS_FIXED_THREADS * count, GUESS_FIXED_MAPPINGS,
                    (256L << 20) * count);
        };
    }

    private static long extrapolate(long x0, long y0, long x1, long y1, long x) {
        double slope = x1 == x0 ? 0 : Math.max(0, (double) (y1 - y0) / (x1 - x0));
        return (long) (1.5 * (y1 + slope * (x - x1)));
    }

    /** A measured JVM, started and waited for until every unit is parked. */
    static final class Parked {
        final Process process;
        final OutputStream lifeline;
        final double startMs;

        private Parked(Process process, double startMs) {
            this.process = process;
            this.lifeline = process.getOutputStream();
            this.startMs = startMs;
        }

        static Parked start(UnitKind unit, int count) {
            ProcessBuilder builder = new ProcessBuilder(ChildJvm.argv(JVM_OPTIONS, ParkedUnits.class.getName(),
                    List.of(unit.label(), Integer.toString(count))))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long started = System.nanoTime();
            Process process;
            try {
                process = ChildJvm.start(builder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a JVM of parked " + unit.label() + " units: "
                        + e.getMessage(), e);
            }
            Parked parked = null;
            try {
                String line = firstLine(process);
                String[] words = line == null ? new String[0] : line.split(" ");
                if (words.length != 3 || !words[0].equals(ParkedUnits.PARKED)
                        || Integer.parseInt(words[1]) != count) {
                    throw new IllegalStateException("a JVM of " + count + " parked " + unit.label()
                            + " units answered '" + line + "' instead of '" + ParkedUnits.PARKED + " " + count
                            + " <ms>' (exit " + (process.isAlive() ? "none yet" : process.exitValue()) + ")");
                }
                parked = new Parked(process, (System.nanoTime() - started) / 1e6);
                return parked;
            } finally {
                if (parked == null) {
                    ChildJvm.stop(process, process.getOutputStream(), 0);
                }
            }
        }

        private static String firstLine(Process process) {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }, command -> Thread.ofVirtual().start(command));
            try {
                return line.get(PARK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        void stop() {
            ChildJvm.stop(process, lifeline, STOP_GRACE_MS);
        }
    }
}
