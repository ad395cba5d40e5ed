package io.execbench.runner;

import io.execbench.child.ChildJvm;
import io.execbench.workload.Calibration;
import io.execbench.workload.UserWorkload;
import io.execbench.workload.WorkloadException;
import io.execbench.workload.WorkloadProbeMain;
import io.execbench.worker.WorkerCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Checks a user's workload before anything is measured, in a child JVM ({@link WorkloadProbeMain}) that can be
 * killed: the class loads, has a public no-argument constructor, sets up, runs, gives one checksum for one seed, and
 * answers each call within a time cap; then calibrates its size. Any failure is a {@link WorkloadException} whose
 * message is one sentence naming the class and what to fix.
 */
final class WorkloadCheck {

    /** How long the child may take to start, load the class and run its set-up. */
    static final Duration SET_UP_CAP = Duration.ofSeconds(60);
    /** How long one call (or one timed loop of calls) may take before the workload counts as hung. */
    static final Duration CALL_CAP = Duration.ofSeconds(10);

    private final Duration setUpCap;
    private final Duration callCap;

    WorkloadCheck(Duration setUpCap, Duration callCap) {
        this.setUpCap = setUpCap;
        this.callCap = callCap;
    }

    WorkloadCheck() {
        this(SET_UP_CAP, CALL_CAP);
    }

    /** Runs the check; returns the calibration, or throws the one-sentence failure. */
    Calibration check(UserWorkload workload) {
        List<String> options = new ArrayList<>(WorkerCommand.QUIET_STDOUT);
        options.addAll(workload.jvmOptions());
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.argv(options, WorkloadProbeMain.class.getName(),
                List.of())).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child;
        try {
            child = ChildJvm.start(builder);
        } catch (IOException e) {
            throw new WorkloadException("workload " + workload.className() + " cannot be checked: no JVM could be"
                    + " started (" + e.getMessage() + ")");
        }
        OutputStream lifeline = child.getOutputStream();
        try {
            return read(workload, child);
        } finally {
            ChildJvm.stop(child, lifeline, 1000);
        }
    }

    private Calibration read(UserWorkload workload, Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().name("execbench-workload-check").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child was stopped: the end of its lines is handled below
            }
            lines.add("eof");
        });
        String sizeUnit = "size";
        String calling = null;
        List<Calibration.Timing> timings = new ArrayList<>();
        try {
            while (true) {
                Duration cap = calling == null ? setUpCap : callCap;
                String line = lines.poll(cap.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    child.destroyForcibly();
                    throw new WorkloadException(calling == null
                            ? "workload " + workload.className() + " did not finish loading and setUp() within "
                                    + cap.toSeconds() + " s: make setUp() quicker"
                            : "workload " + workload.className() + ".run(seed, " + calling + ") did not return within "
                                    + cap.toSeconds() + " s: make every call return (a call of size 1 should take "
                                    + "well under a second), or lower maxSize()");
                }
                String[] words = line.split(" ", 2);
                String rest = words.length > 1 ? words[1] : "";
                switch (words[0]) {
                    case "unit" -> sizeUnit = rest.isBlank() ? "size" : rest;
                    case "call" -> calling = rest;
                    case "time" -> {
                        String[] numbers = rest.split(" ");
                        timings.add(new Calibration.Timing(Integer.parseInt(numbers[0]), Long.parseLong(numbers[1])));
                    }
                    case "fail" -> throw new WorkloadException(rest);
                    case "done" -> {
                        return new Calibration(workload.className(), sizeUnit, timings);
                    }
                    case "eof" -> throw new WorkloadException("workload " + workload.className() + " ended the check's"
                            + " JVM" + (calling == null ? "" : " during run(seed, " + calling + ")") + " (exit code "
                            + exitCode(child) + "): make sure run() and setUp() never call System.exit or crash the"
                            + " JVM");
                    default -> {
                        // "max" and future lines: nothing to decide here
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkloadException("workload " + workload.className() + ": the check was interrupted");
        } finally {
            reader.interrupt();
        }
    }

    private static String exitCode(Process child) {
        try {
            return child.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(child.exitValue()) : "none, still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
