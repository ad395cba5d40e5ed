package io.execbench.harness;

import io.execbench.harness.read.RunListing;
import io.execbench.harness.write.ConsoleText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How commands print: one line at a time, each escaped by {@link ConsoleText#escape}, because most of what they
 * print (benchmark names, params, reasons, paths) comes from results files.
 */
final class Console {

    private Console() {
    }

    /** Prints {@code text} as one line. */
    static void line(PrintWriter out, String text) {
        out.println(ConsoleText.escape(text));
    }

    /** Prints a {@link String#format} line, formatted under {@link Locale#ROOT}. */
    static void format(PrintWriter out, String format, Object... args) {
        line(out, String.format(Locale.ROOT, format, args));
    }

    /** One warning line per run left out because it cannot be read, each naming the file and what is wrong. */
    static void skipped(PrintWriter err, List<RunListing> unreadable) {
        for (RunListing listing : unreadable) {
            line(err, "warning: skipped unreadable run: " + listing.problem());
        }
        err.flush();
    }
}
