package io.execbench.harness;

import io.execbench.harness.read.RunReadException;
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
 * names the file); {@value #ERROR} anything else, e.g. the report could not be written.
 */
@Command(name = "execbench-harness", mixinStandardHelpOptions = true, version = "execbench harness 0.1",
        description = "Reads execbench or plain JMH result folders and writes self-contained HTML reports.",
        subcommands = {ReportCommand.class, CompareCommand.class, TrendCommand.class, CalibrateCommand.class,
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

    /** Runs the command line with the given streams and returns the exit code; never exits the JVM. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new HarnessMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("error: " + e.getMessage()); // a message that names the file, not a stack trace
            err.flush();
            return e instanceof RunReadException ? BAD_INPUT
                    : e instanceof IOException || e instanceof UncheckedIOException ? ERROR
                    : rethrow(e);
        });
        return commandLine.execute(args);
    }

    private static int rethrow(Exception e) throws Exception {
        throw e; // a bug, not bad input: picocli prints the stack trace and returns 1
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: report --help)");
    }
}
