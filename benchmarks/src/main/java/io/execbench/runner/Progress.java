package io.execbench.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines for a long run: one line when a benchmark starts and one when it ends, with done/total, elapsed
 * time and an estimate of the time left. Plain lines, never carriage returns, so a CI log stays readable.
 *
 * <p>The estimate starts from the profile's budget and is corrected by how far actual times have run from it.
 */
final class Progress {

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final Duration estimatePerBenchmark;
    private final int total;
    private final long startNanos;
    private int done;

    Progress(PrintStream out, LongSupplier nanoClock, Duration estimatePerBenchmark, int total) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.estimatePerBenchmark = estimatePerBenchmark;
        this.total = total;
        this.startNanos = nanoClock.getAsLong();
    }

    void started(PlannedBenchmark benchmark) {
        out.printf(Locale.ROOT, "[%s] %s | elapsed %s | left ~%s%n",
                counter(done + 1), benchmark.shortLabel(), format(elapsed()), format(remaining()));
    }

    void succeeded(String scoreText) {
        done++;
        out.printf(Locale.ROOT, "[%s] done: %s%n", counter(done), scoreText);
    }

    void failed(String error) {
        done++;
        String firstLine = error.lines()
                .filter(l -> l.contains("Exception") || l.contains("Error") || l.contains("<forked VM failed"))
                .findFirst()
                .orElse(error.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)"));
        out.printf(Locale.ROOT, "[%s] FAILED: %s%n", counter(done), firstLine.strip());
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - startNanos);
    }

    /** Budget of the benchmarks not yet done, scaled by actual/estimated time of those done. */
    Duration remaining() {
        Duration budgetLeft = estimatePerBenchmark.multipliedBy(total - done);
        if (done == 0) {
            return budgetLeft;
        }
        double correction = (double) elapsed().toNanos() / estimatePerBenchmark.multipliedBy(done).toNanos();
        return Duration.ofNanos((long) (budgetLeft.toNanos() * correction));
    }

    private String counter(int index) {
        int width = String.valueOf(total).length();
        return String.format(Locale.ROOT, "%" + width + "d/%d", index, total);
    }

    /** {@code 1:05:09}, {@code 4:02} or {@code 0:07}. */
    static String format(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
