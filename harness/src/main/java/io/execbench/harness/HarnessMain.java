package io.execbench.harness;

import io.execbench.harness.read.RunReadException;
import io.execbench.harness.write.ConsoleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The harness command line. Subcommands read result folders and write reports ({@code report}), verdicts against a
 * baseline ({@code compare}, which exits 4 on a regression when asked to), change points ({@code trend}), noise
 * floors ({@code calibrate}), exports for other trackers ({@code export}) and how a run ended ({@code status}).
 *
 * <p>Exit codes: {@value #OK} success; {@value #ATTENTION} the report was written but the run failed, did not
 * finish, or has failed benchmarks; {@value #BAD_INPUT} bad arguments or an unreadable results file (the message
 * names the file); {@value #ERROR} anything else, e.g. the report could not be written, or a bug (said as such, with
 * the stack trace only under {@code --verbose}).
 */
@Command(name = "execbench-harness", mixinStandardHelpOptions = true, version = "execbench harness 0.1",
        description = "Reads execbench or plain JMH result folders and writes self-contained HTML reports.",
        subcommands = {ReportCommand.class, CompareCommand.class, AbCommand.class, TrendCommand.class, CalibrateCommand.class,
                ExportCommand.class, StatusCommand.class, CommandLine.HelpCommand.class})
public final class HarnessMain implements Runnable {

    /** Everything went well. */
    public static final int OK = 0;
    /** An unexpected error, e.g. a report that could not be written. */
    public static final int ERROR = 1;
    /** Bad arguments or an unreadable input file; picocli uses the same code for usage errors. */
    public static final int BAD_INPUT = 2;
    /** The report was written, and it shows a failed or partial run: someone must look. */
    public static final int ATTENTION = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an unexpected error, print its stack trace too.")
    private boolean verbose;

    /** Runs the command line with the given streams and returns the exit code; never exits the JVM. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        HarnessMain main = new HarnessMain();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            // One sentence that names the file, escaped: the message may quote a results file.
            err.println("error: " + ConsoleText.escape(describe(e)));
            if (main.verbose || isVerbose(parsed)) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof RunReadException ? BAD_INPUT : ERROR;
        });
        return commandLine.execute(args);
    }

    /** What went wrong, in a sentence; an exception that input should never cause says it is a bug. */
    private static String describe(Exception e) {
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return String.valueOf(e.getMessage());
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (a bug in the harness; run again with --verbose for the stack trace, and please report it)";
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: report --help)");
    }
}
